"use client";

import { formatQuantity } from "@lotbridge/format/format-quantity";
import { FormField } from "@lotbridge/ui/form-field";
import { FormProblem } from "@lotbridge/ui/form-problem";
import { plainDecimal } from "@lotbridge/ui/offer-rounds";
import { useSubmit } from "@lotbridge/ui/use-submit";
import { type FormEvent, useState } from "react";

/** A submitted bid the form revises instead of placing a new one. */
export interface RevisedBid {
  id: string;
  volume: string;
  pricePerUnit: string;
  deliveryTerms: string;
  message: string;
  validUntil: string;
}

interface Props {
  lotId: string;
  currency: string;
  unit: string;
  remainingVolume: string;
  minBidVolume: string;
  revising?: RevisedBid;
}

const FIELDS = ["volume", "pricePerUnit", "currency", "deliveryTerms", "message", "validUntil"] as const;

// `datetime-local` wants the browser's local time without a zone.
const localInput = (iso: string) => {
  const at = new Date(iso);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/**
 * Places a bid on the lot, or revises a submitted one (prefilled with its terms); the server's field errors are
 * shown beside each field, and a network failure as a message with "Try again".
 */
export function BidForm({ lotId, currency, unit, remainingVolume, minBidVolume, revising }: Props) {
  const submitter = useSubmit();
  const [placed, setPlaced] = useState(false);
  const errors = submitter.fieldErrors;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const validUntil = String(data.get("validUntil") ?? "");
    const body = {
      ...Object.fromEntries(
        FIELDS.filter((field) => !(revising && field === "currency")).map((field) => [
          field,
          String(data.get(field) ?? ""),
        ]),
      ),
      validUntil: validUntil ? new Date(validUntil).toISOString() : "",
    };
    await submitter.send(
      {
        url: revising ? `/api/bids/${revising.id}` : `/api/marketplace/lots/${lotId}/bids`,
        method: revising ? "PATCH" : "POST",
        body,
      },
      {
        form,
        fieldsMessage: revising
          ? "The revision was not sent. Correct the fields marked above."
          : "The bid was not placed. Correct the fields marked above.",
        done: () => setPlaced(true),
      },
    );
  }

  if (placed) {
    return revising ? (
      <p role="status" className="card">
        Your revision is on its way to the buyer; the bid shows the new terms once the buyer portal has them.
      </p>
    ) : (
      <p role="status" className="card">
        Your bid is on its way to the buyer. Follow it on <a href="/bids">My bids</a>.
      </p>
    );
  }
  return (
    <form
      className="card stack"
      onSubmit={submit}
      noValidate
      aria-labelledby="bid-form-title"
      aria-describedby={submitter.problem ? "bid-problem" : undefined}
    >
      <h2 id="bid-form-title">{revising ? "Revise your bid" : "Place a bid"}</h2>
      <FormField
        name="volume"
        idPrefix="bid"
        label={`Volume (${unit})`}
        hint={`At least ${formatQuantity(minBidVolume, unit)}, at most ${formatQuantity(remainingVolume, unit)}.`}
        errors={errors}
      >
        {(a) => <input {...a} inputMode="decimal" required defaultValue={revising && plainDecimal(revising.volume)} />}
      </FormField>
      <FormField name="pricePerUnit" idPrefix="bid" label={`Price per ${unit} (${currency})`} errors={errors}>
        {(a) => (
          <input
            {...a}
            inputMode="decimal"
            required
            defaultValue={revising && plainDecimal(revising.pricePerUnit, 2)}
          />
        )}
      </FormField>
      <input type="hidden" name="currency" value={currency} />
      {errors.currency && <p className="error">{errors.currency}</p>}
      <FormField name="deliveryTerms" idPrefix="bid" label="Delivery terms" errors={errors}>
        {(a) => <textarea {...a} rows={2} defaultValue={revising?.deliveryTerms} />}
      </FormField>
      <FormField name="message" idPrefix="bid" label="Message to the buyer" errors={errors}>
        {(a) => <textarea {...a} rows={3} defaultValue={revising?.message} />}
      </FormField>
      <FormField name="validUntil" idPrefix="bid" label="Bid valid until" errors={errors}>
        {(a) => (
          <input
            {...a}
            type="datetime-local"
            required
            defaultValue={revising ? localInput(revising.validUntil) : undefined}
            suppressHydrationWarning
          />
        )}
      </FormField>
      <FormProblem submitter={submitter} id="bid-problem" />
      <div className="row">
        <button type="submit" className="primary" disabled={submitter.sending}>
          {submitter.sending ? "Sending…" : revising ? "Send revision" : "Place bid"}
        </button>
      </div>
    </form>
  );
}
