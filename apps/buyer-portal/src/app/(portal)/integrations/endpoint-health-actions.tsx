"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";

/** Enable, disable (with a reason) or replay a time range of one webhook endpoint, for operators. */
export function EndpointHealthActions({ id, enabled }: { id: string; enabled: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const base = `/api/admin/webhook-endpoints/${encodeURIComponent(id)}`;

  async function post(path: string, body: unknown, done: (answer: Record<string, unknown>) => string) {
    setMessage("Working…");
    const response = await fetch(`${base}/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const answer = await response.json().catch(() => ({}));
    setMessage(response.ok ? done(answer) : String(answer.detail ?? "Failed."));
    router.refresh();
  }

  function disable(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = new FormData(event.currentTarget).get("reason");
    return post("disable", { reason }, () => "Endpoint disabled; its messages wait.");
  }

  function replay(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // datetime-local has no zone: the operator's browser says which moment is meant.
    const moment = (name: string) => {
      const value = String(form.get(name) ?? "");
      return value ? new Date(value).toISOString() : value;
    };
    return post(
      "replay",
      { since: moment("since"), until: moment("until"), includeDelivered: form.get("includeDelivered") === "on" },
      (answer) => `${answer.replayed} message(s) queued again.`,
    );
  }

  return (
    <div className="stack">
      {enabled ? (
        <form className="row" onSubmit={disable}>
          <label className="inline">
            Reason <input name="reason" required maxLength={500} />
          </label>
          <button type="submit">Disable</button>
        </form>
      ) : (
        <button
          type="button"
          onClick={() => post("enable", {}, () => "Endpoint enabled; waiting messages go out now.")}
        >
          Enable
        </button>
      )}
      <form className="row" onSubmit={replay}>
        <label className="inline">
          From <input type="datetime-local" name="since" required />
        </label>
        <label className="inline">
          to <input type="datetime-local" name="until" required />
        </label>
        <label className="inline">
          <input type="checkbox" name="includeDelivered" /> delivered ones too
        </label>
        <button type="submit">Replay range</button>
      </form>
      {message && <div aria-live="polite">{message}</div>}
    </div>
  );
}
