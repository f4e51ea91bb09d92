"use client";

import { type FormEvent, useState } from "react";

interface Props {
  lotId: string;
  currency: string;
  unit: string;
  remainingVolume: string;
  minBidVolume: string;
}

type Problem = { detail?: string; errors?: { field: string; message: string }[] };

const FIELDS = ["volume", "pricePerUnit", "currency", "deliveryTerms", "message", "validUntil"] as const;

/** Places a bid on the lot; the server's field errors are shown beside each field. */
export function BidForm({ lotId, currency, unit, remainingVolume, minBidVolume }: Props) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string>();
  const [placed, setPlaced] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const validUntil = String(data.get("validUntil") ?? "");
    const body = {
      ...Object.fromEntries(FIELDS.map((field) => [field, String(data.get(field) ?? "")])),
      validUntil: validUntil ? new Date(validUntil).toISOString() : "",
    };
    setBusy(true);
    const response = await fetch(`/api/marketplace/lots/${lotId}/bids`, {
      method: "POST",
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
    setSummary(problem.detail ?? "The bid could not be placed.");
  }

  if (placed) {
    return (
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
      <h2>Place a bid</h2>
      {field(
        "volume",
        `Volume (${unit}) — at least ${minBidVolume}, at most ${remainingVolume}`,
        <input id="bid-volume" name="volume" inputMode="decimal" required aria-invalid={Boolean(errors.volume)} />,
      )}
      {field(
        "pricePerUnit",
        `Price per ${unit} (${currency})`,
        <input
          id="bid-pricePerUnit"
          name="pricePerUnit"
          inputMode="decimal"
          required
          aria-invalid={Boolean(errors.pricePerUnit)}
        />,
      )}
      <input type="hidden" name="currency" value={currency} />
      {errors.currency && <p className="error">{errors.currency}</p>}
      {field("deliveryTerms", "Delivery terms", <textarea id="bid-deliveryTerms" name="deliveryTerms" rows={2} />)}
      {field("message", "Message to the buyer", <textarea id="bid-message" name="message" rows={3} />)}
      {field(
        "validUntil",
        "Bid valid until",
        <input
          type="datetime-local"
          id="bid-validUntil"
          name="validUntil"
          required
          aria-invalid={Boolean(errors.validUntil)}
        />,
      )}
      {summary && (
        <p role="alert" className="error">
          {summary}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? "Placing…" : "Place bid"}
      </button>
    </form>
  );
}
