"use client";

import { type OfferRound, plainDecimal } from "@lotbridge/ui/offer-rounds";
import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useState } from "react";
import { TimeLeft } from "./time-left";

/** The buyer's pending counter-offer, as the producer answers it. */
export type BuyerOffer = Pick<
  OfferRound,
  "id" | "volume" | "pricePerUnit" | "currency" | "total" | "deliveryTerms" | "message" | "expiresAt"
>;

interface Props {
  bidId: string;
  offer: BuyerOffer;
  unit: string;
  renderedAt: string;
}

type Problem = { detail?: string; errors?: { field: string; message: string }[] };

const COUNTER_FIELDS = ["volume", "pricePerUnit", "deliveryTerms", "message"] as const;

// `datetime-local` wants the browser's local time without a zone.
const localInput = (iso: string) => {
  const at = new Date(iso);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/**
 * Accept, reject or counter the buyer's counter-offer before it expires. Each answer is queued for the buyer portal;
 * the page then shows it on its way, and the thread moves on when the buyer portal confirms.
 */
export function CounterOfferPanel({ bidId, offer, unit, renderedAt }: Props) {
  const volume = plainDecimal(offer.volume);
  const price = plainDecimal(offer.pricePerUnit, 2);
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string>();
  const [sent, setSent] = useState<string>();
  const [busy, setBusy] = useState(false);
  const base = `/api/bids/${bidId}/counter-offers`;

  async function send(url: string, body: unknown, done: string) {
    setBusy(true);
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    setBusy(false);
    if (response.ok) {
      setSent(done);
      router.refresh();
      return;
    }
    const problem = (await response.json().catch(() => ({}))) as Problem;
    setErrors(Object.fromEntries((problem.errors ?? []).map((e) => [e.field, e.message])));
    setAlert(problem.detail ?? "Your answer could not be sent.");
  }

  function accept() {
    const terms = `${volume} ${unit} at ${price} ${offer.currency} per ${unit} (total ${offer.total} ${offer.currency})`;
    if (!window.confirm(`Accept ${terms}? The buyer portal then creates a contract for both of you to sign.`)) return;
    void send(`${base}/${offer.id}/accept`, {}, "Your acceptance is on its way to the buyer; the contract follows.");
  }

  function reject(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "").trim();
    void send(`${base}/${offer.id}/reject`, reason ? { reason } : {}, "Your rejection is on its way to the buyer.");
  }

  function counter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const expiresAt = String(data.get("expiresAt") ?? "");
    const body = {
      ...Object.fromEntries(COUNTER_FIELDS.map((name) => [name, String(data.get(name) ?? "")])),
      expiresAt: expiresAt ? new Date(expiresAt).toISOString() : "",
    };
    void send(base, body, "Your counter-offer is on its way to the buyer.");
  }

  if (sent) {
    return (
      <p role="status" className="card">
        {sent}
      </p>
    );
  }
  const field = (name: string, label: string, input: ReactNode) => (
    <div className="field">
      <label htmlFor={`counter-${name}`}>{label}</label>
      {input}
      {errors[name] && (
        <span id={`counter-${name}-error`} className="error">
          {errors[name]}
        </span>
      )}
    </div>
  );
  const invalid = (name: string) => ({
    "aria-invalid": Boolean(errors[name]),
    "aria-describedby": errors[name] ? `counter-${name}-error` : undefined,
  });
  return (
    <section className="card stack answer-panel" aria-labelledby="answer-heading">
      <h2 id="answer-heading">Answer the buyer's counter-offer</h2>
      <p>
        Time left to answer:{" "}
        <strong>
          <TimeLeft deadline={offer.expiresAt} renderedAt={renderedAt} ended="the counter-offer has expired" />
        </strong>{" "}
        (until {new Date(offer.expiresAt).toUTCString()})
      </p>
      {alert && (
        <p role="alert" className="error">
          {alert}
        </p>
      )}
      <fieldset>
        <legend>Accept</legend>
        <p>
          {volume} {unit} at {price} {offer.currency} per {unit}, total {offer.total} {offer.currency}.
        </p>
        <button type="button" className="primary" onClick={accept} disabled={busy}>
          Accept counter-offer
        </button>
      </fieldset>
      <form onSubmit={reject} noValidate>
        <fieldset className="stack">
          <legend>Reject</legend>
          {field(
            "reason",
            "Reason (optional, shown to the buyer)",
            <textarea id="counter-reason" name="reason" rows={2} maxLength={1000} {...invalid("reason")} />,
          )}
          <button type="submit" disabled={busy}>
            Reject counter-offer
          </button>
        </fieldset>
      </form>
      <form onSubmit={counter} noValidate>
        <fieldset className="stack">
          <legend>Counter back</legend>
          <div className="field-grid">
            {field(
              "volume",
              `Volume (${unit})`,
              <input
                id="counter-volume"
                name="volume"
                inputMode="decimal"
                required
                defaultValue={volume}
                {...invalid("volume")}
              />,
            )}
            {field(
              "pricePerUnit",
              `Price per ${unit} (${offer.currency})`,
              <input
                id="counter-pricePerUnit"
                name="pricePerUnit"
                inputMode="decimal"
                required
                defaultValue={price}
                {...invalid("pricePerUnit")}
              />,
            )}
            {field(
              "expiresAt",
              "Your offer stands until",
              <input
                type="datetime-local"
                id="counter-expiresAt"
                name="expiresAt"
                required
                defaultValue={localInput(offer.expiresAt)}
                suppressHydrationWarning
                {...invalid("expiresAt")}
              />,
            )}
          </div>
          {field(
            "deliveryTerms",
            "Delivery terms",
            <textarea
              id="counter-deliveryTerms"
              name="deliveryTerms"
              rows={2}
              defaultValue={offer.deliveryTerms}
              {...invalid("deliveryTerms")}
            />,
          )}
          {field(
            "message",
            "Message to the buyer",
            <textarea id="counter-message" name="message" rows={3} {...invalid("message")} />,
          )}
          <button type="submit" disabled={busy}>
            {busy ? "Sending…" : "Send counter-offer"}
          </button>
        </fieldset>
      </form>
    </section>
  );
}
