"use client";

import { useState } from "react";

/** Applies a failed buyer event again (the operator fixed its cause) and says how it went; reload to see the list. */
export function ReplayButton({ eventId }: { eventId: string }) {
  const [status, setStatus] = useState("");
  async function replay() {
    setStatus("Replaying…");
    const response = await fetch(`/api/admin/inbox/${encodeURIComponent(eventId)}/replay`, { method: "POST" });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) return setStatus(String(body.detail ?? "Could not replay."));
    setStatus(body.outcome === "failed" ? `Failed again: ${body.reason}` : `Replayed: ${body.outcome}.`);
  }
  return (
    <>
      <button type="button" onClick={replay}>
        Replay
      </button>
      {status && <span role="status"> {status}</span>}
    </>
  );
}
