"use client";

import type { Contract } from "@lotbridge/contract/contract";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { type FieldErrors, FormField } from "./form-field";
import { sendJson } from "./send-json";

/** Calls the contract off before both parties have signed, with a reason both parties read; its volume returns to the lot. */
export function CancelContractForm({ contractId }: { contractId: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function cancel(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "");
    setProblem(null);
    if (reason.trim() === "") {
      setErrors({ reason: "give a reason: the producer reads it" });
      return;
    }
    setBusy(true);
    const answer = await sendJson<Contract>(`/api/contracts/${contractId}/cancel`, "POST", { reason });
    setBusy(false);
    if (answer.ok) {
      router.refresh();
      return;
    }
    setErrors(answer.fieldErrors);
    setProblem(answer.detail);
  }

  return (
    <form
      className="answer-panel"
      onSubmit={cancel}
      noValidate
      aria-describedby={problem ? "cancel-problem" : undefined}
    >
      <fieldset className="stack">
        <legend>Cancel the contract</legend>
        <p className="muted">
          Possible until both parties have signed. The contract's volume becomes open on the lot again.
        </p>
        {problem && (
          <p id="cancel-problem" role="alert" className="error">
            {problem}
          </p>
        )}
        <FormField name="reason" label="Reason for cancelling" hint="Both parties read this." errors={errors}>
          {(a) => <textarea {...a} rows={2} maxLength={1000} required />}
        </FormField>
        <div className="row">
          <button type="submit" className="danger" disabled={busy}>
            {busy ? "Cancelling…" : "Cancel contract"}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
