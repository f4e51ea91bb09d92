"use client";

import { useState } from "react";

/** Asks for the bid's withdrawal; the state changes once the buyer portal confirms it. */
export function WithdrawButton({ bidId }: { bidId: string }) {
  const [status, setStatus] = useState("");
  async function withdraw() {
    if (!window.confirm("Withdraw this bid? The buyer can no longer accept it.")) return;
    const response = await fetch(`/api/bids/${bidId}/withdraw`, { method: "POST" });
    const body = await response.json().catch(() => ({}));
    setStatus(response.ok ? "Withdrawal sent to the buyer." : String(body.detail ?? "Could not withdraw."));
  }
  return (
    <>
      <button type="button" onClick={withdraw}>
        Withdraw
      </button>
      {status && <span role="status"> {status}</span>}
    </>
  );
}
