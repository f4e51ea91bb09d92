"use client";

import { ActionOutcome, useAction } from "@lotbridge/ui/use-action";
import type { FormEvent } from "react";

/** Enable, disable (with a reason) or replay a time range of one webhook endpoint, for operators. */
export function EndpointHealthActions({ id, enabled }: { id: string; enabled: boolean }) {
  const action = useAction();
  const base = `/api/admin/webhook-endpoints/${encodeURIComponent(id)}`;
  const sending = action.submitter.sending;

  function post(
    path: string,
    body: unknown,
    done: (answer: Record<string, unknown>) => string,
    form?: HTMLFormElement,
  ) {
    action.run({ url: `${base}/${path}`, body }, done, form);
  }

  function disable(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = new FormData(event.currentTarget).get("reason");
    post("disable", { reason }, () => "Endpoint disabled; its messages wait.", event.currentTarget);
  }

  function replay(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    // datetime-local has no zone: the operator's browser says which moment is meant.
    const moment = (name: string) => {
      const value = String(form.get(name) ?? "");
      return value ? new Date(value).toISOString() : value;
    };
    post(
      "replay",
      { since: moment("since"), until: moment("until"), includeDelivered: form.get("includeDelivered") === "on" },
      (answer) => `${answer.replayed} message(s) queued again.`,
      element,
    );
  }

  return (
    <div className="stack">
      {enabled ? (
        <form className="row" onSubmit={disable}>
          <label className="inline">
            Reason <input name="reason" required maxLength={500} />
          </label>
          <button type="submit" className="danger" disabled={sending}>
            Disable
          </button>
        </form>
      ) : (
        <button
          type="button"
          disabled={sending}
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
        <button type="submit" disabled={sending}>
          Replay range
        </button>
      </form>
      <ActionOutcome action={action} />
    </div>
  );
}
