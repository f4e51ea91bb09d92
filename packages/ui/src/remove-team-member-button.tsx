"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** Removes a colleague after a confirmation: their sessions end and their password stops working. */
export function RemoveTeamMemberButton({ userId, name }: { userId: string; name: string }) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function remove() {
    if (!window.confirm(`Remove ${name}? They are signed out and can no longer sign in.`)) return;
    setBusy(true);
    setProblem(null);
    const response = await fetch(`/api/team/${encodeURIComponent(userId)}`, { method: "DELETE" }).catch(() => null);
    setBusy(false);
    if (response?.ok) {
      router.refresh();
      return;
    }
    const answer = response ? await response.json().catch(() => ({})) : {};
    setProblem(response ? String(answer.detail ?? "Nothing changed.") : "The portal is unreachable; nothing changed.");
  }

  return (
    <>
      <button type="button" className="link" onClick={remove} disabled={busy} aria-label={`Remove ${name}`}>
        {busy ? "Removing…" : "Remove"}
      </button>
      {problem && (
        <span role="alert" className="error">
          {" "}
          {problem}
        </span>
      )}
    </>
  );
}
