"use client";

import { formatDateTime } from "@lotbridge/format/format-date-time";
import { formatMoney } from "@lotbridge/format/format-money";
import { formatPrice } from "@lotbridge/format/format-price";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { FormField } from "@lotbridge/ui/form-field";
import { FormProblem } from "@lotbridge/ui/form-problem";
import { type OfferRound, plainDecimal } from "@lotbridge/ui/offer-rounds";
import { useSubmit } from "@lotbridge/ui/use-submit";
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
  /** The viewer's time zone (readViewerTimeZone on the page); UTC, named, when the page does not give it. */
  timeZone?: string;
}

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
export function CounterOfferPanel({ bidId, offer, unit, renderedAt, timeZone }: Props) {
  const volume = plainDecimal(offer.volume);
  const price = plainDecimal(offer.pricePerUnit, 2);
  const shown = {
    volume: formatQuantity(offer.volume, unit),
    price: formatPrice(offer.pricePerUnit, offer.currency, unit),
    total: formatMoney(offer.total, offer.currency),
  };
  const router = useRouter();
  const submitter = useSubmit();
  const errors = submitter.fieldErrors;
  const [sent, setSent] = useState<string>();
  const base = `/api/bids/${bidId}/counter-offers`;

  function send(url: string, body: unknown, done: string, form?: HTMLFormElement) {
    void submitter.send(
      { url, body },
      {
        form,
        fieldsMessage: "Your answer was not sent. Correct the fields marked below.",
        done: () => {
          setSent(done);
          router.refresh();
        },
      },
    );
  }

  function accept() {
    const terms = `${shown.volume} at ${shown.price} (total ${shown.total})`;
    if (!window.confirm(`Accept ${terms}? The buyer portal then creates a contract for both of you to sign.`)) return;
    send(`${base}/${offer.id}/accept`, {}, "Your acceptance is on its way to the buyer; the contract follows.");
  }

  function reject(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const reason = String(new FormData(form).get("reason") ?? "").trim();
    send(`${base}/${offer.id}/reject`, reason ? { reason } : {}, "Your rejection is on its way to the buyer.", form);
  }

  function counter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const expiresAt = String(data.get("expiresAt") ?? "");
    const body = {
      ...Object.fromEntries(COUNTER_FIELDS.map((name) => [name, String(data.get(name) ?? "")])),
      expiresAt: expiresAt ? new Date(expiresAt).toISOString() : "",
    };
    send(base, body, "Your counter-offer is on its way to the buyer.", form);
  }

  if (sent) {
    return (
      <p role="status" className="card">
        {sent}
      </p>
    );
  }
  const field = (name: string, label: string, input: (a: Record<string, unknown>) => ReactNode) => (
    <FormField name={name} idPrefix="counter" label={label} errors={errors}>
      {input}
    </FormField>
  );
  return (
    <section className="card stack answer-panel" aria-labelledby="answer-heading">
      <h2 id="answer-heading">Answer the buyer's counter-offer</h2>
      <p>
        Time left to answer:{" "}
        <strong>
          <TimeLeft deadline={offer.expiresAt} renderedAt={renderedAt} ended="the counter-offer has expired" />
        </strong>{" "}
        (until {formatDateTime(offer.expiresAt, timeZone)})
      </p>
      <FormProblem submitter={submitter} id="counter-problem" />
      <fieldset>
        <legend>Accept</legend>
        <p>
          {shown.volume} at {shown.price}, total {shown.total}.
        </p>
        <button type="button" className="primary" onClick={accept} disabled={submitter.sending}>
          Accept counter-offer
        </button>
      </fieldset>
      <form onSubmit={reject} noValidate>
        <fieldset className="stack">
          <legend>Reject</legend>
          {field("reason", "Reason (optional, shown to the buyer)", (a) => (
            <textarea {...a} rows={2} maxLength={1000} />
          ))}
          <div className="row">
            <button type="submit" className="danger" disabled={submitter.sending}>
              Reject counter-offer
            </button>
          </div>
        </fieldset>
      </form>
      <form onSubmit={counter} noValidate>
        <fieldset className="stack">
          <legend>Counter back</legend>
          <div className="field-grid">
            {field(`volume`, `Volume (${unit})`, (a) => (
              <input {...a} inputMode="decimal" required defaultValue={volume} />
            ))}
            {field("pricePerUnit", `Price per ${unit} (${offer.currency})`, (a) => (
              <input {...a} inputMode="decimal" required defaultValue={price} />
            ))}
            {field("expiresAt", "Your offer stands until", (a) => (
              <input
                {...a}
                type="datetime-local"
                required
                defaultValue={localInput(offer.expiresAt)}
                suppressHydrationWarning
              />
            ))}
          </div>
          {field("deliveryTerms", "Delivery terms", (a) => (
            <textarea {...a} rows={2} defaultValue={offer.deliveryTerms} />
          ))}
          {field("message", "Message to the buyer", (a) => (
            <textarea {...a} rows={3} />
          ))}
          <div className="row">
            <button type="submit" className="primary" disabled={submitter.sending}>
              {submitter.sending ? "Sending…" : "Send counter-offer"}
            </button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}
