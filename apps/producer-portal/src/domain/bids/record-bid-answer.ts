import { bidSchema } from "@lotbridge/contract/bid";
import { formatPrice } from "@lotbridge/format/format-price";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { notifyOrganization } from "@lotbridge/notifications/notify-organization";
import { and, eq } from "drizzle-orm";
import type { ProducerTx } from "../../db/database";
import { applyBuyerBid } from "./apply-bid-snapshot";
import { describePendingChange } from "./describe-pending-change";
import { type ProducerBidRow, producerBids } from "./producer-bid-table";

/** How the buyer portal answered a command: its answer's body, or why the command was not taken. */
export type CommandAnswer = { delivered: true; body: unknown } | { delivered: false; reason: string };

/**
 * Records the answer to a bid's submission. Delivered: the bid is `submitted` under the buyer's id (its version is
 * left to the `bid.received` event, which then still applies and tells the producer). Refused or given up: the bid
 * is `refused` with the reason and the producer organization is told.
 */
export async function recordSubmitAnswer(
  tx: ProducerTx,
  publicUrl: string,
  bidId: string,
  answer: CommandAnswer,
): Promise<void> {
  const sending = and(eq(producerBids.id, bidId), eq(producerBids.state, "sending"));
  if (answer.delivered) {
    // Only what this answer decides is read, so a richer bid snapshot from a newer buyer portal still fits.
    const taken = bidSchema.pick({ id: true, status: true }).safeParse(answer.body);
    if (!taken.success) return;
    await tx
      .update(producerBids)
      .set({ state: taken.data.status, buyerBidId: taken.data.id, updatedAt: new Date() })
      .where(sending);
    return;
  }
  const [bid] = await tx
    .update(producerBids)
    .set({ state: "refused", refusalReason: answer.reason, updatedAt: new Date() })
    .where(sending)
    .returning();
  if (bid) await tellProducer(tx, publicUrl, bid, `Your bid on ${bid.lotNumber} was refused`, answer.reason);
}

/**
 * Records the answer to a change of a bid (revision, withdrawal, an answer to a counter-offer) that `callId` carried:
 * the pending change is cleared, a delivered answer's snapshot applied if newer, and a refused or given-up one told
 * to the producer organization.
 */
export async function recordChangeAnswer(
  tx: ProducerTx,
  publicUrl: string,
  callId: string,
  answer: CommandAnswer,
): Promise<void> {
  const [bid] = await tx.select().from(producerBids).where(eq(producerBids.pendingCallId, callId)).for("update");
  if (!bid) return;
  await tx
    .update(producerBids)
    .set({ pendingCallId: null, pendingChange: null, updatedAt: new Date() })
    .where(eq(producerBids.id, bid.id));
  if (answer.delivered) {
    const snapshot = bidSchema.safeParse(answer.body);
    if (snapshot.success) await applyBuyerBid(tx, snapshot.data);
    return;
  }
  const change = describePendingChange(bid.pendingChange?.kind, bid.lotNumber);
  await tellProducer(tx, publicUrl, bid, `Your ${change} was refused`, answer.reason);
}

function tellProducer(tx: ProducerTx, publicUrl: string, bid: ProducerBidRow, title: string, reason: string) {
  return notifyOrganization(tx, publicUrl, {
    organizationId: bid.organizationId,
    type: "bid.refused",
    title,
    body: reason,
    link: `/bids/${bid.id}`,
    facts: [
      ["Lot", `${bid.lotNumber} — ${bid.lotTitle}`],
      ["Volume", formatQuantity(bid.volume, bid.unit)],
      ["Price per unit", formatPrice(bid.pricePerUnit, bid.currency, bid.unit)],
    ],
    emailByDefault: true,
  });
}
