"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/**
 * Signs the contract as the signed-in person through the portal's own API, then refreshes the page so that it shows
 * the signature (or, in the producer portal, that it is on its way). A refusal (e.g. a document that changed since the
 * page was drawn) is shown as the API words it.
 */
export function SignContractButton({
  contractId,
  body,
  confirmation,
  hint,
  signedNote,
}: {
  contractId: string;
  /** The JSON body of the request (the buyer portal's documentHash); nothing is sent when it is left out. */
  body?: unknown;
  /** A question the person confirms before the signature is sent; signs at once when left out. */
  confirmation?: string;
  /** A line beside the button saying what the signature is on. */
  hint?: string;
  /** What to say once the portal has taken the signature. */
  signedNote?: string;
}) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const [signed, setSigned] = useState(false);
  const [busy, setBusy] = useState(false);

  async function sign() {
    if (confirmation && !window.confirm(confirmation)) return;
    setBusy(true);
    setProblem(null);
    const response = await fetch(
      `/api/contracts/${contractId}/signatures`,
      body === undefined
        ? { method: "POST" }
        : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
    ).catch(() => null);
    setBusy(false);
    if (!response) {
      setProblem("The portal is unreachable; nothing changed. Try again.");
      return;
    }
    const answer = await response.json().catch(() => ({}));
    if (response.ok) {
      setSigned(true);
      router.refresh();
    } else {
      setProblem(String(answer.detail ?? "The contract could not be signed."));
    }
  }

  return (
    <div className="stack">
      <div className="row">
        <button type="button" className="primary" onClick={sign} disabled={busy}>
          {busy ? "Signing…" : "Sign contract"}
        </button>
        {hint && <span className="muted">{hint}</span>}
      </div>
      {signed && signedNote && <p role="status">{signedNote}</p>}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </div>
  );
}
