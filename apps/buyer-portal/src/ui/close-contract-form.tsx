"use client";

import type { Contract } from "@lotbridge/contract/contract";
import { FormField } from "@lotbridge/ui/form-field";
import { FormProblem } from "@lotbridge/ui/form-problem";
import { useSubmit } from "@lotbridge/ui/use-submit";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";

const ENDINGS = {
  /** Called off before both parties have signed, with a reason both read; its volume returns to the lot. */
  cancel: {
    legend: "Cancel the contract",
    explanation: "Possible until both parties have signed. The contract's volume becomes open on the lot again.",
    field: "reason",
    label: "Reason for cancelling",
    required: "Give a reason: the producer reads it.",
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
  /** In delivery with the accepted quantity within the tolerance: the buyer confirms, the settlement is issued. */
  fulfil: {
    legend: "Confirm fulfilment",
    explanation:
      "The accepted quantity is within the tolerance. Confirming ends the deliveries and issues the settlement statement to both parties.",
    field: "note",
    label: "Note (optional)",
    required: null,
    button: ["Confirm fulfilment", "Confirming…"],
    tone: "primary",
  },
  /** Below the tolerance's minimum and nothing more will come: ends the contract with a reason both read. */
  "close-short": {
    legend: "Close short",
    explanation:
      "Less than the tolerance's minimum was accepted. Closing short ends the deliveries and issues the settlement statement for what was accepted.",
    field: "reason",
    label: "Reason for closing short",
    required: "Give a reason: the producer reads it.",
    button: ["Close short", "Closing…"],
    tone: "danger",
  },
} as const;

/**
 * Ends a contract from the buyer's side: `cancel` (before it is active), `complete` (active, nothing delivered
 * through the portal), `fulfil` (within the tolerance) or `close-short` (below it).
 */
export function CloseContractForm({ contractId, ending }: { contractId: string; ending: keyof typeof ENDINGS }) {
  const text = ENDINGS[ending];
  const router = useRouter();
  const submitter = useSubmit();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const value = String(new FormData(form).get(text.field) ?? "");
    if (text.required && value.trim() === "") {
      submitter.refuse({ [text.field]: text.required });
      return;
    }
    await submitter.send<Contract>(
      { url: `/api/contracts/${contractId}/${ending}`, body: { [text.field]: value } },
      { form, done: () => router.refresh() },
    );
  }

  const problemId = `${ending}-problem`;
  return (
    <form
      className="answer-panel"
      onSubmit={submit}
      noValidate
      aria-describedby={submitter.problem ? problemId : undefined}
    >
      <fieldset className="stack">
        <legend>{text.legend}</legend>
        <p className="muted">{text.explanation}</p>
        <FormProblem submitter={submitter} id={problemId} />
        <FormField name={text.field} label={text.label} hint="Both parties read this." errors={submitter.fieldErrors}>
          {(a) => <textarea {...a} rows={2} maxLength={1000} required={text.required !== null} />}
        </FormField>
        <div className="row">
          <button type="submit" className={text.tone} disabled={submitter.sending}>
            {submitter.sending ? text.button[1] : text.button[0]}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
