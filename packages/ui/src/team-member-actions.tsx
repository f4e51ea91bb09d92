"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/**
 * An admin's actions on a colleague, each after a confirmation: a new password (shown here once, to hand over) for
 * someone who forgot theirs, or removal. Either signs the colleague out everywhere.
 */
export function TeamMemberActions({ userId, name }: { userId: string; name: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string; password?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const path = `/api/team/${encodeURIComponent(userId)}`;

  async function act(question: string, url: string, method: "POST" | "DELETE") {
    if (!window.confirm(question)) return;
    setBusy(true);
    setMessage(null);
    const response = await fetch(url, { method }).catch(() => null);
    setBusy(false);
    const answer = response && response.status !== 204 ? await response.json().catch(() => ({})) : {};
    if (!response?.ok) {
      setMessage({
        ok: false,
        text: response ? String(answer.detail ?? "Nothing changed.") : "The portal is unreachable.",
      });
    } else if (answer.password) {
      setMessage({ ok: true, text: `New password for ${name}, shown only now:`, password: answer.password });
    } else {
      router.refresh();
    }
  }

  return (
    <div className="row">
      <button
        type="button"
        className="link"
        disabled={busy}
        aria-label={`New password for ${name}`}
        onClick={() => act(`Give ${name} a new password? Their current one stops working.`, `${path}/password`, "POST")}
      >
        New password
      </button>
      <button
        type="button"
        className="link"
        disabled={busy}
        aria-label={`Remove ${name}`}
        onClick={() => act(`Remove ${name}? They are signed out and can no longer sign in.`, path, "DELETE")}
      >
        Remove
      </button>
      {message && (
        <span role={message.ok ? "status" : "alert"} className={message.ok ? undefined : "error"}>
          {message.text} {message.password && <code>{message.password}</code>}
        </span>
      )}
    </div>
  );
}
