import { bidSchema } from "@lotbridge/contract/bid";
import { notifyOrganization } from "@lotbridge/runtime/notify-organization";
import type { Database } from "@lotbridge/webhooks/database";
import type { OutboxMessage } from "@lotbridge/webhooks/tables";
import type { SendResult } from "@lotbridge/webhooks/transport";
import { and, eq } from "drizzle-orm";
import { recordSignatureAnswer } from "../contracts/record-signature-answer";
import { applyBuyerBid } from "./apply-bid-snapshot";
import { describePendingChange } from "./describe-pending-change";
import { type ProducerBidRow, producerBids } from "./producer-bid-table";

type Outcome = "delivered" | "refused" | "given up";
type Call = { method?: string; path?: string; idempotencyKey?: string } | null;

const GIVEN_UP = "The buyer portal could not be reached, and this portal stopped trying.";

/**
 * Records how the buyer portal answered a call (or that it was given up), in the transaction that records the
 * outbox outcome. A submit (`POST /api/bids`) delivered: the bid is `submitted` under the buyer's id (its version is
 * left to the `bid.received` event, which then still applies and tells the producer); refused or given up: the bid
 * is `refused` with the reason and the producer organization is told. A change of a bid (revision, withdrawal, an
 * answer to a counter-offer) or a contract signature: the pending change is cleared, a delivered answer's snapshot
 * applied if newer, and a refused or given-up one told to the producer organization.
 */
export async function recordBuyerAnswer(
  tx: Database,
  publicUrl: string,
  message: OutboxMessage,
  result: SendResult,
): Promise<void> {
  // The dispatcher calls this hook with `retry` only when the schedule ran out.
  const outcome: Outcome = result.outcome === "retry" ? "given up" : result.outcome;
  const call = message.payload as Call;
  if (call?.method === "POST" && call.path === "/api/bids" && call.idempotencyKey) {
    await recordSubmitAnswer(tx, publicUrl, call.idempotencyKey, result, outcome);
  } else if (!(await recordChangeAnswer(tx, publicUrl, message.id, result, outcome))) {
    const answer =
      outcome === "delivered"
        ? { delivered: true as const, body: result.body }
        : { delivered: false as const, reason: reasonOf(result, outcome) };
    await recordSignatureAnswer(tx, publicUrl, message.id, answer);
  }
}

async function recordSubmitAnswer(
  tx: Database,
  publicUrl: string,
  bidId: string,
  result: SendResult,
  outcome: Outcome,
) {
  const sending = and(eq(producerBids.id, bidId), eq(producerBids.state, "sending"));
  if (outcome === "delivered") {
    // Only what this answer decides is read, so a richer bid snapshot from a newer buyer portal still fits.
    const answer = bidSchema.pick({ id: true, status: true }).safeParse(result.body);
    if (!answer.success) return;
    await tx
      .update(producerBids)
      .set({ state: answer.data.status, buyerBidId: answer.data.id, updatedAt: new Date() })
      .where(sending);
    return;
  }
  const reason = reasonOf(result, outcome);
  const [bid] = await tx
    .update(producerBids)
    .set({ state: "refused", refusalReason: reason, updatedAt: new Date() })
    .where(sending)
    .returning();
  if (bid) await tellProducer(tx, publicUrl, bid, `Your bid on ${bid.lotNumber} was refused`, reason);
}

async function recordChangeAnswer(
  tx: Database,
  publicUrl: string,
  callId: string,
  result: SendResult,
  outcome: Outcome,
): Promise<boolean> {
  const [bid] = await tx.select().from(producerBids).where(eq(producerBids.pendingCallId, callId)).for("update");
  if (!bid) return false;
  await tx
    .update(producerBids)
    .set({ pendingCallId: null, pendingChange: null, updatedAt: new Date() })
    .where(eq(producerBids.id, bid.id));
  if (outcome === "delivered") {
    const snapshot = bidSchema.safeParse(result.body);
    if (snapshot.success) await applyBuyerBid(tx, snapshot.data);
    return true;
  }
  const change = describePendingChange(bid.pendingChange?.kind, bid.lotNumber);
  await tellProducer(tx, publicUrl, bid, `Your ${change} was refused`, reasonOf(result, outcome));
  return true;
}

function reasonOf(result: SendResult, outcome: Outcome): string {
  if (outcome === "given up") return GIVEN_UP;
  const detail = (result.body as { detail?: unknown } | undefined)?.detail;
  return typeof detail === "string" && detail !== "" ? detail : (result.error ?? "The buyer portal refused it.");
}

function tellProducer(tx: Database, publicUrl: string, bid: ProducerBidRow, title: string, reason: string) {
  return notifyOrganization(tx, publicUrl, {
    organizationId: bid.organizationId,
    type: "bid.refused",
    title,
    body: reason,
    link: `/bids/${bid.id}`,
    facts: [
      ["Lot", `${bid.lotNumber} — ${bid.lotTitle}`],
      ["Volume", `${bid.volume} ${bid.unit}`],
      ["Price per unit", `${bid.pricePerUnit} ${bid.currency}`],
    ],
    emailByDefault: true,
  });
}
