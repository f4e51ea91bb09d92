"use client";

import type { Bid } from "@lotbridge/contract/bid";
import type { Offer } from "@lotbridge/contract/offer";
import { formatDateTime } from "@lotbridge/format/format-date-time";
import { formatMoney } from "@lotbridge/format/format-money";
import { formatPrice } from "@lotbridge/format/format-price";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { FormField } from "@lotbridge/ui/form-field";
import { FormProblem } from "@lotbridge/ui/form-problem";
import { plainDecimal } from "@lotbridge/ui/offer-rounds";
import { submitJson } from "@lotbridge/ui/submit-json";
import { useSubmit } from "@lotbridge/ui/use-submit";
import { useRouter } from "next/navigation";
import { type FormEvent, useRef } from "react";

/** Whether the buyer may counter now; when not, the sentence saying why (docs/contracts.md: only while bidding). */
export type CounterRule = { open: true; volumeHint: string; defaultExpiresAt: string } | { open: false; why: string };

/** "2026-12-01T12:00:00.000Z" → "2026-12-01T12:00", the value of a datetime-local input read as UTC. */
const utcInputValue = (iso: string) => iso.slice(0, 16);

/** The contract made by accepting the bid, from the buyer's contract list; undefined if it cannot be read now. */
async function contractIdOf(bidId: string): Promise<string | undefined> {
  const answer = await submitJson<{ data?: { id: string; bidId: string }[] }>({ url: "/api/contracts", method: "GET" });
  return answer.ok ? (answer.body.data ?? []).find((c) => c.bidId === bidId)?.id : undefined;
}

/**
 * The buyer's answer to the producer's pending offer: accept it (confirmed first, then on to the contract), reject it
 * with a reason the producer reads, or counter with new terms, prefilled with the producer's. The API decides what is
 * valid; each refused field gets its message beside it.
 */
export function BidAnswer(props: {
  bidId: string;
  producerName: string;
  offer: Offer;
  unit: string;
  acceptable: { yes: true } | { yes: false; why: string };
  counter: CounterRule;
  /** The viewer's time zone (readViewerTimeZone on the page); UTC, named, when the page does not give it. */
  timeZone?: string;
}) {
  const { bidId, producerName, offer, unit, counter } = props;
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const accepting = useSubmit();
  const countering = useSubmit();
  const rejecting = useSubmit();
  const busy = accepting.sending || countering.sending || rejecting.sending;
  const volume = formatQuantity(offer.volume, unit);
  const price = formatPrice(offer.pricePerUnit, offer.currency, unit);
  const total = formatMoney(offer.total, offer.currency);

  async function accept() {
    const answer = await accepting.send<Bid>(
      { url: `/api/bids/${bidId}`, method: "PUT", body: { action: "accept" } },
      {
        done: async () => {
          const contractId = await contractIdOf(bidId);
          dialog.current?.close();
          // Without the contract's id (list unreadable right now) the refreshed bid page links to it.
          if (contractId) router.push(`/contracts/${contractId}`);
          else router.refresh();
        },
      },
    );
    // A refusal or a network failure is shown beside the accept button, with the dialog closed.
    if (answer && !answer.ok) dialog.current?.close();
  }

  async function sendCounter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? "");
    const expiresAt = text("expiresAt");
    await countering.send<Bid>(
      {
        url: `/api/bids/${bidId}/counter`,
        body: {
          volume: text("volume"),
          pricePerUnit: text("pricePerUnit"),
          deliveryTerms: text("deliveryTerms"),
          message: text("message"),
          // Read as UTC, as the label says; an empty or partial value goes as typed, for the API to name.
          expiresAt: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(expiresAt) ? `${expiresAt}:00Z` : expiresAt,
        },
      },
      {
        form,
        fieldsMessage: "The counter-offer was not sent. Correct the fields marked below.",
        done: () => router.refresh(),
      },
    );
  }

  async function reject(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const reason = String(new FormData(form).get("reason") ?? "");
    if (reason.trim() === "") {
      rejecting.refuse({ reason: "Give a reason: the producer reads it." });
      return;
    }
    await rejecting.send<Bid>(
      { url: `/api/bids/${bidId}`, method: "PUT", body: { action: "reject", reason } },
      { form, done: () => router.refresh() },
    );
  }

  return (
    <section className="card stack answer-panel turn" aria-labelledby="answer-heading">
      <h2 id="answer-heading">Your answer</h2>
      <p>
        {producerName} offers <strong>{volume}</strong> at <strong>{price}</strong> (total <strong>{total}</strong>).
        The offer stands until <time dateTime={offer.expiresAt}>{formatDateTime(offer.expiresAt, props.timeZone)}</time>
        .
      </p>
      {props.acceptable.yes ? (
        <div className="row">
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => {
              accepting.clear();
              dialog.current?.showModal();
            }}
          >
            Accept bid
          </button>
        </div>
      ) : (
        <p className="muted">{props.acceptable.why}</p>
      )}
      <FormProblem submitter={accepting} id="accept-problem" />

      {counter.open ? (
        <form onSubmit={sendCounter} noValidate aria-describedby={countering.problem ? "counter-problem" : undefined}>
          <fieldset className="stack">
            <legend>Counter-offer</legend>
            <FormProblem submitter={countering} id="counter-problem" />
            <div className="field-grid">
              <FormField
                name="volume"
                label={`Volume (${unit})`}
                hint={counter.volumeHint}
                errors={countering.fieldErrors}
              >
                {(a) => <input {...a} inputMode="decimal" defaultValue={plainDecimal(offer.volume)} />}
              </FormField>
              <FormField
                name="pricePerUnit"
                label={`Price per ${unit} (${offer.currency})`}
                errors={countering.fieldErrors}
              >
                {(a) => <input {...a} inputMode="decimal" defaultValue={plainDecimal(offer.pricePerUnit, 2)} />}
              </FormField>
              <FormField
                name="expiresAt"
                label="Counter-offer valid until (UTC)"
                hint="The producer can accept it until then."
                errors={countering.fieldErrors}
              >
                {(a) => <input {...a} type="datetime-local" defaultValue={utcInputValue(counter.defaultExpiresAt)} />}
              </FormField>
              <FormField name="deliveryTerms" label="Delivery terms" errors={countering.fieldErrors} wide>
                {(a) => <input {...a} defaultValue={offer.deliveryTerms} maxLength={2000} />}
              </FormField>
              <FormField
                name="message"
                label="Message to the producer"
                hint="Optional"
                errors={countering.fieldErrors}
                wide
              >
                {(a) => <textarea {...a} rows={2} maxLength={2000} />}
              </FormField>
            </div>
            <div className="row">
              <button type="submit" className="primary" disabled={busy}>
                {countering.sending ? "Sending…" : "Send counter-offer"}
              </button>
            </div>
          </fieldset>
        </form>
      ) : (
        <p className="muted">{counter.why}</p>
      )}

      <form onSubmit={reject} noValidate aria-describedby={rejecting.problem ? "reject-problem" : undefined}>
        <fieldset className="stack">
          <legend>Reject</legend>
          <FormProblem submitter={rejecting} id="reject-problem" />
          <FormField
            name="reason"
            label="Reason for rejecting"
            hint="The producer reads this."
            errors={rejecting.fieldErrors}
          >
            {(a) => <textarea {...a} rows={2} maxLength={1000} required />}
          </FormField>
          <div className="row">
            <button type="submit" className="danger" disabled={busy}>
              {rejecting.sending ? "Rejecting…" : "Reject bid"}
            </button>
          </div>
        </fieldset>
      </form>

      <dialog ref={dialog} className="confirm" aria-labelledby="accept-title" aria-describedby="accept-explain">
        <div className="stack">
          <h2 id="accept-title">Accept this bid?</h2>
          <p id="accept-explain">
            This makes a contract with {producerName} on these terms and allocates {volume} of the lot. It cannot be
            undone here; until both parties sign, you can still cancel the contract.
          </p>
          <dl className="facts">
            <dt>Volume</dt>
            <dd>{volume}</dd>
            <dt>Price per unit</dt>
            <dd>{price}</dd>
            <dt>Total</dt>
            <dd>{total}</dd>
          </dl>
          <div className="row">
            <button type="button" className="primary" onClick={accept} disabled={accepting.sending}>
              {accepting.sending ? "Accepting…" : "Confirm acceptance"}
            </button>
            <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
              Go back
            </button>
          </div>
        </div>
      </dialog>
    </section>
  );
}
