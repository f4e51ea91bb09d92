"use client";

import { FormProblem } from "@lotbridge/ui/form-problem";
import { useSubmit } from "@lotbridge/ui/use-submit";
import { useState } from "react";

/** Applies a failed buyer event again (the operator fixed its cause) and says how it went; reload to see the list. */
export function ReplayButton({ eventId }: { eventId: string }) {
  const submitter = useSubmit();
  const [status, setStatus] = useState("");
  function replay() {
    setStatus("");
    void submitter.send<{ outcome?: string; reason?: string }>(
      { url: `/api/admin/inbox/${encodeURIComponent(eventId)}/replay` },
      {
        done: (body) =>
          setStatus(body.outcome === "failed" ? `Failed again: ${body.reason}` : `Replayed: ${body.outcome}.`),
      },
    );
  }
  return (
    <>
      <button type="button" onClick={replay} disabled={submitter.sending}>
        {submitter.sending ? "Replaying…" : "Replay"}
      </button>
      {status && <span role="status"> {status}</span>}
      <FormProblem submitter={submitter} />
    </>
  );
}
