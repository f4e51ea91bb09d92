"use client";

import { FormField } from "@lotbridge/ui/form-field";
import { FormProblem } from "@lotbridge/ui/form-problem";
import { useSubmit } from "@lotbridge/ui/use-submit";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";

const FIELDS = ["plannedDate", "vehicleReference", "estimatedWeight", "note"] as const;

/**
 * "Announce a load" on a contract open for deliveries: the day it arrives, the truck or container, its estimated
 * weight and a note. The portal's field errors show beside their fields; once taken, the page lists the load as
 * sending until the buyer portal has it.
 */
export function AnnounceDispatchForm({
  contractId,
  unit,
  deliveryStart,
}: {
  contractId: string;
  unit: string;
  deliveryStart: string;
}) {
  const submitter = useSubmit();
  const router = useRouter();
  const [announced, setAnnounced] = useState<string | null>(null);
  const errors = submitter.fieldErrors;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const body = Object.fromEntries(FIELDS.map((field) => [field, String(data.get(field) ?? "").trim()]));
    setAnnounced(null);
    await submitter.send<{ vehicleReference: string }>(
      { url: `/api/contracts/${contractId}/dispatches`, body },
      {
        form,
        fieldsMessage: "The load was not announced. Correct the fields marked above.",
        done: (dispatch) => {
          form.reset();
          setAnnounced(dispatch.vehicleReference);
          router.refresh();
        },
      },
    );
  }

  return (
    <form
      className="card stack"
      onSubmit={submit}
      noValidate
      aria-labelledby="announce-title"
      aria-describedby={submitter.problem ? "announce-problem" : undefined}
    >
      <h2 id="announce-title">Announce a load</h2>
      <p className="muted">The buyer sees it as an expected arrival. Announce each truck or container on its own.</p>
      <div className="dispatch-fields">
        <FormField name="plannedDate" idPrefix="dispatch" label="Planned date" errors={errors}>
          {(attributes) => <input {...attributes} type="date" required defaultValue={deliveryStart} />}
        </FormField>
        <FormField
          name="vehicleReference"
          idPrefix="dispatch"
          label="Vehicle or container"
          hint="Truck plate, trailer or container number"
          errors={errors}
        >
          {(attributes) => <input {...attributes} maxLength={40} required autoComplete="off" />}
        </FormField>
        <FormField name="estimatedWeight" idPrefix="dispatch" label={`Estimated weight (${unit})`} errors={errors}>
          {(attributes) => <input {...attributes} inputMode="decimal" required autoComplete="off" />}
        </FormField>
        <FormField name="note" idPrefix="dispatch" label="Note for the buyer (optional)" errors={errors} wide>
          {(attributes) => <textarea {...attributes} maxLength={500} rows={2} />}
        </FormField>
      </div>
      <FormProblem submitter={submitter} id="announce-problem" />
      {announced && (
        <p role="status">Load {announced} announced; it is on its way to the buyer and listed below as sending.</p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={submitter.sending}>
          {submitter.sending ? "Announcing…" : "Announce load"}
        </button>
      </div>
    </form>
  );
}
