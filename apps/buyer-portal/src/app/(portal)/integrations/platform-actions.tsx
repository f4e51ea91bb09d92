"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useState } from "react";

/** Sends one admin call and shows its outcome; a secret in the answer is shown until the page is left. */
function useCall() {
  const router = useRouter();
  const [message, setMessage] = useState<ReactNode>(null);
  async function run(method: string, path: string, body: unknown, describe: (a: Record<string, unknown>) => ReactNode) {
    setMessage("Working…");
    const response = await fetch(path, {
      method,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const answer = await response.json();
    setMessage(response.ok ? describe(answer) : <span className="error">{String(answer.detail ?? "Failed.")}</span>);
    router.refresh();
  }
  return { message, run };
}

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
  const { message, run } = useCall();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    await run("POST", "/api/admin/platforms", { id: form.get("id"), name: form.get("name") }, () => "Platform added.");
  }
  return (
    <form className="row" onSubmit={submit} aria-label="Add a producer platform">
      <label className="inline">
        Platform id <input name="id" required pattern="[a-z0-9][a-z0-9\-]{1,48}[a-z0-9]" maxLength={50} />
      </label>
      <label className="inline">
        Name <input name="name" required maxLength={100} />
      </label>
      <button type="submit">Add platform</button>
      {message && <div aria-live="polite">{message}</div>}
    </form>
  );
}

export function NewEndpointForm({ platformId }: { platformId: string }) {
  const { message, run } = useCall();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    await run(
      "POST",
      `/api/admin/platforms/${platformId}/endpoints`,
      { url: form.get("url"), eventTypes: eventTypes(form.get("eventTypes")) },
      (a) => <Secret value={String(a.secret)} />,
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
      <button type="submit">Add endpoint</button>
      {message && <div aria-live="polite">{message}</div>}
    </form>
  );
}

export function EndpointSettings(props: { platformId: string; endpointId: string; enabled: boolean }) {
  const { message, run } = useCall();
  const path = `/api/admin/platforms/${props.platformId}/endpoints/${props.endpointId}`;
  return (
    <span className="row">
      <button
        type="button"
        onClick={() =>
          run("PATCH", path, { enabled: !props.enabled }, () => (props.enabled ? "Disabled." : "Enabled."))
        }
      >
        {props.enabled ? "Disable" : "Enable"}
      </button>
      <button
        type="button"
        onClick={() =>
          run("POST", `${path}/rotate-secret`, { overlapHours: 24 }, (a) => <Secret value={String(a.secret)} />)
        }
      >
        Rotate secret
      </button>
      {message && <span aria-live="polite">{message}</span>}
    </span>
  );
}
