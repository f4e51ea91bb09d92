"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/**
 * Signs the contract as the signed-in person, on the document this portal serves; the signature shows once the
 * buyer portal has recorded it.
 */
export function SignContractButton({ contractId, number }: { contractId: string; number: string }) {
  const router = useRouter();
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  async function sign() {
    if (!window.confirm(`Sign contract ${number} for your organization? This binds it to the terms shown.`)) return;
    setBusy(true);
    const response = await fetch(`/api/contracts/${contractId}/signatures`, { method: "POST" });
    setBusy(false);
    const body = await response.json().catch(() => ({}));
    if (response.ok) {
      setStatus("Your signature is on its way to the buyer.");
      router.refresh();
    } else {
      setStatus(String(body.detail ?? "The contract could not be signed."));
    }
  }
  return (
    <p>
      <button type="button" className="primary" onClick={sign} disabled={busy}>
        {busy ? "Signing…" : "Sign contract"}
      </button>
      {status && <span role="status"> {status}</span>}
    </p>
  );
}
