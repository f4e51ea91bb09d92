"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** Applies a failed buyer event again (the operator fixed its cause), then shows the page as it is now. */
export function ReplayButton({ eventId }: { eventId: string }) {
  const router = useRouter();
  const [status, setStatus] = useState("");
  async function replay() {
    setStatus("Replaying…");
    const response = await fetch(`/api/admin/inbox/${encodeURIComponent(eventId)}/replay`, { method: "POST" });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) return setStatus(String(body.detail ?? "Could not replay."));
    setStatus(body.outcome === "failed" ? `Failed again: ${body.reason}` : `Replayed: ${body.outcome}.`);
    router.refresh();
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
