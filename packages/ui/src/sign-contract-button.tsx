"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormProblem } from "./form-problem";
import { useSubmit } from "./use-submit";

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
  const submitter = useSubmit();
  const [signed, setSigned] = useState(false);

  function sign() {
    if (confirmation && !window.confirm(confirmation)) return;
    void submitter.send(
      { url: `/api/contracts/${contractId}/signatures`, body },
      {
        done: () => {
          setSigned(true);
          router.refresh();
        },
      },
    );
  }

  return (
    <div className="stack">
      <div className="row">
        <button type="button" className="primary" onClick={sign} disabled={submitter.sending || signed}>
          {submitter.sending ? "Signing…" : "Sign contract"}
        </button>
        {hint && <span className="muted">{hint}</span>}
      </div>
      {signed && signedNote && <p role="status">{signedNote}</p>}
      <FormProblem submitter={submitter} />
    </div>
  );
}
