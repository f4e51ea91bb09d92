"use client";

import type { Bid } from "@lotbridge/contract/bid";
import type { Offer } from "@lotbridge/contract/offer";
import { plainDecimal } from "@lotbridge/ui/offer-rounds";
import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import { type FieldErrors, FormField } from "./form-field";
import { sendJson } from "./send-json";

/** Whether the buyer may counter now; when not, the sentence saying why (docs/contracts.md: only while bidding). */
export type CounterRule = { open: true; volumeHint: string; defaultExpiresAt: string } | { open: false; why: string };

/** "2026-12-01T12:00:00.000Z" → "2026-12-01T12:00", the value of a datetime-local input read as UTC. */
const utcInputValue = (iso: string) => iso.slice(0, 16);

/** The contract made by accepting the bid, from the buyer's contract list; undefined if it cannot be read now. */
async function contractIdOf(bidId: string): Promise<string | undefined> {
  const response = await fetch("/api/contracts").catch(() => null);
  const body = response?.ok ? await response.json().catch(() => ({})) : {};
  return ((body.data ?? []) as { id: string; bidId: string }[]).find((c) => c.bidId === bidId)?.id;
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
}) {
  const { bidId, producerName, offer, unit, counter } = props;
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState<"accept" | "counter" | "reject" | null>(null);
  const [acceptProblem, setAcceptProblem] = useState<string | null>(null);
  const [counterProblem, setCounterProblem] = useState<string | null>(null);
  const [counterErrors, setCounterErrors] = useState<FieldErrors>({});
  const [rejectProblem, setRejectProblem] = useState<string | null>(null);
  const [rejectErrors, setRejectErrors] = useState<FieldErrors>({});
  const volume = `${plainDecimal(offer.volume)} ${unit}`;
  const price = `${plainDecimal(offer.pricePerUnit, 2)} ${offer.currency} per ${unit}`;
  const total = `${offer.total} ${offer.currency}`;

  async function accept() {
    setBusy("accept");
    setAcceptProblem(null);
    const answer = await sendJson<Bid>(`/api/bids/${bidId}`, "PUT", { action: "accept" });
    if (!answer.ok) {
      setBusy(null);
      dialog.current?.close();
      setAcceptProblem(answer.detail);
      return;
    }
    const contractId = await contractIdOf(bidId);
    dialog.current?.close();
    // Without the contract's id (list unreadable right now) the refreshed bid page links to it.
    if (contractId) router.push(`/contracts/${contractId}`);
    else router.refresh();
  }

  async function sendCounter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const expiresAt = text("expiresAt");
    setBusy("counter");
    setCounterProblem(null);
    const answer = await sendJson<Bid>(`/api/bids/${bidId}/counter`, "POST", {
      volume: text("volume"),
      pricePerUnit: text("pricePerUnit"),
      deliveryTerms: text("deliveryTerms"),
      message: text("message"),
      // Read as UTC, as the label says; an empty or partial value goes as typed, for the API to name.
      expiresAt: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(expiresAt) ? `${expiresAt}:00Z` : expiresAt,
    });
    setBusy(null);
    if (answer.ok) {
      router.refresh();
      return;
    }
    setCounterErrors(answer.fieldErrors);
    setCounterProblem(
      Object.keys(answer.fieldErrors).length > 0
        ? "The counter-offer was not sent. Correct the fields marked below."
        : answer.detail,
    );
  }

  async function reject(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "");
    setRejectProblem(null);
    if (reason.trim() === "") {
      setRejectErrors({ reason: "give a reason: the producer reads it" });
      return;
    }
    setBusy("reject");
    const answer = await sendJson<Bid>(`/api/bids/${bidId}`, "PUT", { action: "reject", reason });
    setBusy(null);
    if (answer.ok) {
      router.refresh();
      return;
    }
    setRejectErrors(answer.fieldErrors);
    setRejectProblem(answer.detail);
  }

  return (
    <section className="card stack answer-panel turn" aria-labelledby="answer-heading">
      <h2 id="answer-heading">Your answer</h2>
      <p>
        {producerName} offers <strong>{volume}</strong> at <strong>{price}</strong> (total <strong>{total}</strong>).
        The offer stands until <time dateTime={offer.expiresAt}>{new Date(offer.expiresAt).toUTCString()}</time>.
      </p>
      {props.acceptable.yes ? (
        <div className="row">
          <button
            type="button"
            className="primary"
            disabled={busy !== null}
            onClick={() => {
              setAcceptProblem(null);
              dialog.current?.showModal();
            }}
          >
            Accept bid
          </button>
        </div>
      ) : (
        <p className="muted">{props.acceptable.why}</p>
      )}
      {acceptProblem && (
        <p role="alert" className="error">
          {acceptProblem}
        </p>
      )}

      {counter.open ? (
        <form onSubmit={sendCounter} noValidate aria-describedby={counterProblem ? "counter-problem" : undefined}>
          <fieldset className="stack">
            <legend>Counter-offer</legend>
            {counterProblem && (
              <p id="counter-problem" role="alert" className="error">
                {counterProblem}
              </p>
            )}
            <div className="field-grid">
              <FormField name="volume" label={`Volume (${unit})`} hint={counter.volumeHint} errors={counterErrors}>
                {(a) => <input {...a} inputMode="decimal" defaultValue={plainDecimal(offer.volume)} />}
              </FormField>
              <FormField name="pricePerUnit" label={`Price per ${unit} (${offer.currency})`} errors={counterErrors}>
                {(a) => <input {...a} inputMode="decimal" defaultValue={plainDecimal(offer.pricePerUnit, 2)} />}
              </FormField>
              <FormField
                name="expiresAt"
                label="Counter-offer valid until (UTC)"
                hint="The producer can accept it until then."
                errors={counterErrors}
              >
                {(a) => <input {...a} type="datetime-local" defaultValue={utcInputValue(counter.defaultExpiresAt)} />}
              </FormField>
              <FormField name="deliveryTerms" label="Delivery terms" errors={counterErrors} wide>
                {(a) => <input {...a} defaultValue={offer.deliveryTerms} maxLength={2000} />}
              </FormField>
              <FormField name="message" label="Message to the producer" hint="Optional" errors={counterErrors} wide>
                {(a) => <textarea {...a} rows={2} maxLength={2000} />}
              </FormField>
            </div>
            <div className="row">
              <button type="submit" className="primary" disabled={busy !== null}>
                {busy === "counter" ? "Sending…" : "Send counter-offer"}
              </button>
            </div>
          </fieldset>
        </form>
      ) : (
        <p className="muted">{counter.why}</p>
      )}

      <form onSubmit={reject} noValidate aria-describedby={rejectProblem ? "reject-problem" : undefined}>
        <fieldset className="stack">
          <legend>Reject</legend>
          {rejectProblem && (
            <p id="reject-problem" role="alert" className="error">
              {rejectProblem}
            </p>
          )}
          <FormField name="reason" label="Reason for rejecting" hint="The producer reads this." errors={rejectErrors}>
            {(a) => <textarea {...a} rows={2} maxLength={1000} required />}
          </FormField>
          <div className="row">
            <button type="submit" className="danger" disabled={busy !== null}>
              {busy === "reject" ? "Rejecting…" : "Reject bid"}
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
            <button type="button" className="primary" onClick={accept} disabled={busy === "accept"}>
              {busy === "accept" ? "Accepting…" : "Confirm acceptance"}
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
