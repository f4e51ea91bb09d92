"use client";

import { ActionOutcome, useAction } from "@lotbridge/ui/use-action";
import { type FormEvent, type ReactNode, useState } from "react";

function OneTimeSecret({ label, value }: { label: string; value: string }) {
  return (
    <div role="status">
      <p>{label} It is shown only now; store it where the producer portal's operator can configure it.</p>
      <code className="secret">{value}</code>
    </div>
  );
}

export function EndpointActions({ disabled }: { disabled: boolean }) {
  const action = useAction();
  const run = (url: string, body: unknown, describe: (answer: Record<string, unknown>) => ReactNode) =>
    action.run({ url, body }, describe);
  const [hours, setHours] = useState(24);
  return (
    <div className="stack">
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={action.submitter.sending}
          onClick={() => run("/api/admin/ping", {}, () => "Ping queued.")}
        >
          Send ping
        </button>
        <label className="inline">
          Overlap (hours){" "}
          <input type="number" min={0} max={168} value={hours} onChange={(e) => setHours(Number(e.target.value))} />
        </label>
        <button
          type="button"
          disabled={action.submitter.sending}
          onClick={() =>
            run("/api/admin/webhook-secret", { overlapHours: hours }, (a) => (
              <OneTimeSecret label="New signing secret (set it as BUYER_WEBHOOK_SECRET)." value={String(a.secret)} />
            ))
          }
        >
          Rotate signing secret
        </button>
        {disabled && (
          <button
            type="button"
            disabled={action.submitter.sending}
            onClick={() => run("/api/admin/webhook-endpoint", {}, () => "Endpoint enabled.")}
          >
            Enable endpoint
          </button>
        )}
      </div>
      <ActionOutcome action={action} />
    </div>
  );
}

export function NewApiKeyForm() {
  const action = useAction();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    action.run(
      {
        url: "/api/admin/api-keys",
        body: { name: form.get("name"), platform: form.get("platform"), scopes: form.getAll("scopes") },
      },
      (a) => <OneTimeSecret label="New API key (set it as BUYER_API_KEY)." value={String(a.key)} />,
      element,
    );
  }
  return (
    <form className="row" onSubmit={submit}>
      <label className="inline">
        Name <input name="name" required maxLength={100} />
      </label>
      <label className="inline">
        Platform <input name="platform" required defaultValue="producer-portal" maxLength={100} />
      </label>
      <fieldset className="inline">
        <legend>Scopes</legend>
        {["lots:read", "bids:write", "contracts:write"].map((scope) => (
          <label key={scope} className="inline">
            <input type="checkbox" name="scopes" value={scope} defaultChecked /> {scope}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary" disabled={action.submitter.sending}>
        Issue key
      </button>
      <ActionOutcome action={action} />
    </form>
  );
}

export function ApiKeyActions({ id }: { id: string }) {
  const action = useAction();
  const run = (url: string, body: unknown, describe: (answer: Record<string, unknown>) => ReactNode) =>
    action.run({ url, body }, describe);
  return (
    <span className="row">
      <button
        type="button"
        disabled={action.submitter.sending}
        onClick={() =>
          run(`/api/admin/api-keys/${id}/rotate`, { overlapHours: 24 }, (a) => (
            <OneTimeSecret label="Successor key; the old one works 24 more hours." value={String(a.key)} />
          ))
        }
      >
        Rotate
      </button>
      <button
        type="button"
        className="danger"
        disabled={action.submitter.sending}
        onClick={() => run(`/api/admin/api-keys/${id}/revoke`, {}, () => "Revoked.")}
      >
        Revoke
      </button>
      <ActionOutcome action={action} />
    </span>
  );
}

export function ReplayButton({ id }: { id: string }) {
  const action = useAction();
  return (
    <>
      <button
        type="button"
        disabled={action.submitter.sending}
        onClick={() => action.run({ url: `/api/admin/messages/${id}/replay`, body: {} }, () => "Queued again.")}
      >
        Replay
      </button>{" "}
      <ActionOutcome action={action} />
    </>
  );
}
