"use client";

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

type Problem = { detail?: string; errors?: { field: string; message: string }[] };

const FIELDS = ["volume", "pricePerUnit", "currency", "deliveryTerms", "message", "validUntil"] as const;

// `datetime-local` wants the browser's local time without a zone.
const localInput = (iso: string) => {
  const at = new Date(iso);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/**
 * Places a bid on the lot, or revises a submitted one (prefilled with its terms); the server's field errors are
 * shown beside each field.
 */
export function BidForm({ lotId, currency, unit, remainingVolume, minBidVolume, revising }: Props) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string>();
  const [placed, setPlaced] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
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
    setBusy(true);
    const response = await fetch(revising ? `/api/bids/${revising.id}` : `/api/marketplace/lots/${lotId}/bids`, {
      method: revising ? "PATCH" : "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    setBusy(false);
    if (response.ok) {
      setErrors({});
      setSummary(undefined);
      setPlaced(true);
      return;
    }
    const problem = (await response.json().catch(() => ({}))) as Problem;
    const byField = Object.fromEntries((problem.errors ?? []).map((e) => [e.field, e.message]));
    setErrors(byField);
    setSummary(problem.detail ?? (revising ? "The revision could not be sent." : "The bid could not be placed."));
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
  const field = (name: string, label: string, input: React.ReactNode) => (
    <div className="field">
      <label htmlFor={`bid-${name}`}>{label}</label>
      {input}
      {errors[name] && (
        <span id={`bid-${name}-error`} className="error">
          {errors[name]}
        </span>
      )}
    </div>
  );
  return (
    <form className="card stack" onSubmit={submit} noValidate>
      <h2>{revising ? "Revise your bid" : "Place a bid"}</h2>
      {field(
        "volume",
        `Volume (${unit}) — at least ${minBidVolume}, at most ${remainingVolume}`,
        <input
          id="bid-volume"
          name="volume"
          inputMode="decimal"
          required
          defaultValue={revising?.volume}
          aria-invalid={Boolean(errors.volume)}
        />,
      )}
      {field(
        "pricePerUnit",
        `Price per ${unit} (${currency})`,
        <input
          id="bid-pricePerUnit"
          name="pricePerUnit"
          inputMode="decimal"
          required
          defaultValue={revising?.pricePerUnit}
          aria-invalid={Boolean(errors.pricePerUnit)}
        />,
      )}
      <input type="hidden" name="currency" value={currency} />
      {errors.currency && <p className="error">{errors.currency}</p>}
      {field(
        "deliveryTerms",
        "Delivery terms",
        <textarea id="bid-deliveryTerms" name="deliveryTerms" rows={2} defaultValue={revising?.deliveryTerms} />,
      )}
      {field(
        "message",
        "Message to the buyer",
        <textarea id="bid-message" name="message" rows={3} defaultValue={revising?.message} />,
      )}
      {field(
        "validUntil",
        "Bid valid until",
        <input
          type="datetime-local"
          id="bid-validUntil"
          name="validUntil"
          required
          defaultValue={revising ? localInput(revising.validUntil) : undefined}
          suppressHydrationWarning
          aria-invalid={Boolean(errors.validUntil)}
        />,
      )}
      {summary && (
        <p role="alert" className="error">
          {summary}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? "Sending…" : revising ? "Send revision" : "Place bid"}
      </button>
    </form>
  );
}
