"use client";

import type { Contract } from "@lotbridge/contract/contract";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { type FieldErrors, FormField } from "./form-field";
import { sendJson } from "./send-json";

const ENDINGS = {
  /** Called off before both parties have signed, with a reason both read; its volume returns to the lot. */
  cancel: {
    legend: "Cancel the contract",
    explanation: "Possible until both parties have signed. The contract's volume becomes open on the lot again.",
    field: "reason",
    label: "Reason for cancelling",
    required: "give a reason: the producer reads it",
    button: ["Cancel contract", "Cancelling…"],
    tone: "danger",
  },
  /** An active contract declared fulfilled, with an optional note. */
  complete: {
    legend: "Mark the contract completed",
    explanation: "When the goods are delivered and paid for. Final; the producer is told.",
    field: "note",
    label: "Note (optional)",
    required: null,
    button: ["Mark completed", "Completing…"],
    tone: "primary",
  },
} as const;

/** Ends a contract from the buyer's side: `cancel` (before it is active) or `complete` (once it is). */
export function CloseContractForm({ contractId, ending }: { contractId: string; ending: keyof typeof ENDINGS }) {
  const text = ENDINGS[ending];
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get(text.field) ?? "");
    setProblem(null);
    if (text.required && value.trim() === "") {
      setErrors({ [text.field]: text.required });
      return;
    }
    setBusy(true);
    const answer = await sendJson<Contract>(`/api/contracts/${contractId}/${ending}`, "POST", { [text.field]: value });
    setBusy(false);
    if (answer.ok) {
      router.refresh();
      return;
    }
    setErrors(answer.fieldErrors);
    setProblem(answer.detail);
  }

  const problemId = `${ending}-problem`;
  return (
    <form className="answer-panel" onSubmit={submit} noValidate aria-describedby={problem ? problemId : undefined}>
      <fieldset className="stack">
        <legend>{text.legend}</legend>
        <p className="muted">{text.explanation}</p>
        {problem && (
          <p id={problemId} role="alert" className="error">
            {problem}
          </p>
        )}
        <FormField name={text.field} label={text.label} hint="Both parties read this." errors={errors}>
          {(a) => <textarea {...a} rows={2} maxLength={1000} required={text.required !== null} />}
        </FormField>
        <div className="row">
          <button type="submit" className={text.tone} disabled={busy}>
            {busy ? text.button[1] : text.button[0]}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
