"use client";

import { FormProblem } from "@lotbridge/ui/form-problem";
import { useSubmit } from "@lotbridge/ui/use-submit";
import { useState } from "react";

/** Asks for the bid's withdrawal; the state changes once the buyer portal confirms it. */
export function WithdrawButton({ bidId }: { bidId: string }) {
  const submitter = useSubmit();
  const [sent, setSent] = useState(false);
  function withdraw() {
    if (!window.confirm("Withdraw this bid? The buyer can no longer accept it.")) return;
    void submitter.send({ url: `/api/bids/${bidId}/withdraw` }, { done: () => setSent(true) });
  }
  return (
    <>
      <button type="button" className="danger" onClick={withdraw} disabled={submitter.sending || sent}>
        {submitter.sending ? "Withdrawing…" : "Withdraw"}
      </button>
      {sent && <span role="status"> Withdrawal sent to the buyer.</span>}
      <FormProblem submitter={submitter} />
    </>
  );
}
