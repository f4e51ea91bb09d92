import type { Bid } from "@lotbridge/contract/bid";
import type { EventEnvelope } from "@lotbridge/contract/event-envelope";
import type { Database } from "@lotbridge/webhooks/database";
import { isNewerVersion } from "@lotbridge/webhooks/is-newer-version";
import { eq } from "drizzle-orm";
import { type ProducerBidRow, producerBids } from "./producer-bid-table";
import { tellBidEvent } from "./tell-bid-event";

/** Every bid event carries the bid's whole snapshot, thread included. */
export type BidSnapshotEvent = EventEnvelope<
  | "bid.received"
  | "bid.accepted"
  | "bid.rejected"
  | "bid.withdrawn"
  | "bid.expired"
  | "bid.counter_offer"
  | "bid.counter_accepted"
  | "bid.counter_rejected"
>;

/**
 * Brings the producer's bid up to the buyer portal's snapshot if it is newer than the one held, and returns the bid
 * as it was before. Snapshots of bids placed elsewhere (no local row) change nothing.
 */
export async function applyBuyerBid(tx: Database, bid: Bid): Promise<ProducerBidRow | undefined> {
  const [held] = await tx.select().from(producerBids).where(eq(producerBids.id, bid.externalBidId)).for("update");
  if (!held || !isNewerVersion(held.version, bid.version)) return undefined;
  await tx
    .update(producerBids)
    .set({
      state: bid.status,
      buyerBidId: bid.id,
      version: bid.version,
      volume: bid.volume,
      pricePerUnit: bid.pricePerUnit,
      deliveryTerms: bid.deliveryTerms,
      message: bid.message,
      validUntil: new Date(bid.validUntil),
      rejectionReason: bid.rejectionReason,
      offers: bid.offers,
      refusalReason: null,
      updatedAt: new Date(),
    })
    .where(eq(producerBids.id, bid.externalBidId));
  return held;
}

/**
 * Applies a `bid.*` event: this confirms a bid even when the answer to its submit call was lost, and moves it
 * through the buyer's decisions and the negotiation. Only a newer snapshot tells the producer organization
 * anything, so a replayed or overtaken event never notifies twice.
 */
export async function applyBidSnapshot(tx: Database, publicUrl: string, event: BidSnapshotEvent): Promise<boolean> {
  const before = await applyBuyerBid(tx, event.data);
  if (!before) return false;
  await tellBidEvent(tx, publicUrl, event, before);
  return true;
}
