"use client";

import { ActionOutcome, useAction } from "@lotbridge/ui/use-action";
import type { FormEvent } from "react";

function Secret({ value }: { value: string }) {
  return (
    <div role="status">
      <p>Signing secret, shown only now: give it to the platform's operator.</p>
      <code className="secret">{value}</code>
    </div>
  );
}

/** "lot.published, bid.received" → the list; empty → every type. */
const eventTypes = (text: FormDataEntryValue | null) => {
  const types = String(text ?? "")
    .split(/[\s,]+/)
    .filter(Boolean);
  return types.length ? types : null;
};

export function NewPlatformForm() {
  const action = useAction();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const body = { id: form.get("id"), name: form.get("name") };
    action.run({ url: "/api/admin/platforms", body }, () => "Platform added.", element);
  }
  return (
    <form className="row" onSubmit={submit} aria-label="Add a producer platform">
      <label className="inline">
        Platform id <input name="id" required pattern="[a-z0-9][a-z0-9\-]{1,48}[a-z0-9]" maxLength={50} />
      </label>
      <label className="inline">
        Name <input name="name" required maxLength={100} />
      </label>
      <button type="submit" className="primary" disabled={action.submitter.sending}>
        Add platform
      </button>
      <ActionOutcome action={action} />
    </form>
  );
}

export function NewEndpointForm({ platformId }: { platformId: string }) {
  const action = useAction();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    action.run(
      {
        url: `/api/admin/platforms/${platformId}/endpoints`,
        body: { url: form.get("url"), eventTypes: eventTypes(form.get("eventTypes")) },
      },
      (a) => <Secret value={String(a.secret)} />,
      element,
    );
  }
  return (
    <form className="row" onSubmit={submit} aria-label={`Add an endpoint to ${platformId}`}>
      <label className="inline">
        Endpoint URL <input name="url" type="url" required maxLength={2000} />
      </label>
      <label className="inline">
        Event types <input name="eventTypes" placeholder="all" />
      </label>
      <button type="submit" disabled={action.submitter.sending}>
        Add endpoint
      </button>
      <ActionOutcome action={action} />
    </form>
  );
}

export function EndpointSettings(props: { platformId: string; endpointId: string; enabled: boolean }) {
  const action = useAction();
  const sending = action.submitter.sending;
  const path = `/api/admin/platforms/${props.platformId}/endpoints/${props.endpointId}`;
  return (
    <span className="row">
      <button
        type="button"
        disabled={sending}
        onClick={() =>
          action.run({ url: path, method: "PATCH", body: { enabled: !props.enabled } }, () =>
            props.enabled ? "Disabled." : "Enabled.",
          )
        }
      >
        {props.enabled ? "Disable" : "Enable"}
      </button>
      <button
        type="button"
        disabled={sending}
        onClick={() =>
          action.run({ url: `${path}/rotate-secret`, body: { overlapHours: 24 } }, (a) => (
            <Secret value={String(a.secret)} />
          ))
        }
      >
        Rotate secret
      </button>
      <ActionOutcome action={action} />
    </span>
  );
}
