"use client";

import type { Contract } from "@lotbridge/contract/contract";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "./send-json";

/**
 * Signs the contract as the signed-in person, on the document whose SHA-256 the page computed: if the document were
 * different from the one the buyer portal holds now, the API refuses and says so.
 */
export function SignContractButton({ contractId, documentHash }: { contractId: string; documentHash: string }) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function sign() {
    setBusy(true);
    setProblem(null);
    const answer = await sendJson<Contract>(`/api/contracts/${contractId}/signatures`, "POST", { documentHash });
    setBusy(false);
    if (answer.ok) router.refresh();
    else setProblem(answer.detail);
  }

  return (
    <div className="stack">
      <div className="row">
        <button type="button" className="primary" onClick={sign} disabled={busy}>
          {busy ? "Signing…" : "Sign contract"}
        </button>
        <span className="muted">You sign the document with the SHA-256 shown above, for your organization.</span>
      </div>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </div>
  );
}
