"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useState } from "react";

/** Calls an admin endpoint and reports the outcome; a one-time secret in the answer is shown until dismissed. */
function useAdminCall() {
  const router = useRouter();
  const [message, setMessage] = useState<ReactNode>(null);
  async function run(path: string, body: unknown, describe: (answer: Record<string, unknown>) => ReactNode) {
    setMessage("Working…");
    const response = await fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body ?? {}),
    });
    const answer = response.status === 204 ? {} : await response.json();
    setMessage(response.ok ? describe(answer) : <span className="error">{String(answer.detail ?? "Failed.")}</span>);
    router.refresh();
  }
  return { message, run, clear: () => setMessage(null) };
}

function OneTimeSecret({ label, value }: { label: string; value: string }) {
  return (
    <div role="status">
      <p>{label} It is shown only now; store it where the producer portal's operator can configure it.</p>
      <code className="secret">{value}</code>
    </div>
  );
}

export function EndpointActions({ disabled }: { disabled: boolean }) {
  const { message, run } = useAdminCall();
  const [hours, setHours] = useState(24);
  return (
    <div className="stack">
      <div className="row">
        <button type="button" className="primary" onClick={() => run("/api/admin/ping", {}, () => "Ping queued.")}>
          Send ping
        </button>
        <label className="inline">
          Overlap (hours){" "}
          <input type="number" min={0} max={168} value={hours} onChange={(e) => setHours(Number(e.target.value))} />
        </label>
        <button
          type="button"
          onClick={() =>
            run("/api/admin/webhook-secret", { overlapHours: hours }, (a) => (
              <OneTimeSecret label="New signing secret (set it as BUYER_WEBHOOK_SECRET)." value={String(a.secret)} />
            ))
          }
        >
          Rotate signing secret
        </button>
        {disabled && (
          <button type="button" onClick={() => run("/api/admin/webhook-endpoint", {}, () => "Endpoint enabled.")}>
            Enable endpoint
          </button>
        )}
      </div>
      {message && <div aria-live="polite">{message}</div>}
    </div>
  );
}

export function NewApiKeyForm() {
  const { message, run } = useAdminCall();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    await run(
      "/api/admin/api-keys",
      { name: form.get("name"), platform: form.get("platform"), scopes: form.getAll("scopes") },
      (a) => <OneTimeSecret label="New API key (set it as BUYER_API_KEY)." value={String(a.key)} />,
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
      <button type="submit" className="primary">
        Issue key
      </button>
      {message && <div aria-live="polite">{message}</div>}
    </form>
  );
}

export function ApiKeyActions({ id }: { id: string }) {
  const { message, run } = useAdminCall();
  return (
    <span className="row">
      <button
        type="button"
        onClick={() =>
          run(`/api/admin/api-keys/${id}/rotate`, { overlapHours: 24 }, (a) => (
            <OneTimeSecret label="Successor key; the old one works 24 more hours." value={String(a.key)} />
          ))
        }
      >
        Rotate
      </button>
      <button type="button" onClick={() => run(`/api/admin/api-keys/${id}/revoke`, {}, () => "Revoked.")}>
        Revoke
      </button>
      {message && <span aria-live="polite">{message}</span>}
    </span>
  );
}

export function ReplayButton({ id }: { id: string }) {
  const { message, run } = useAdminCall();
  return (
    <>
      <button type="button" onClick={() => run(`/api/admin/messages/${id}/replay`, {}, () => "Queued again.")}>
        Replay
      </button>
      {message && <span aria-live="polite"> {message}</span>}
    </>
  );
}
