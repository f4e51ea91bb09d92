import type { Bid } from "@lotbridge/contract/bid";
import type { EventEnvelope } from "@lotbridge/contract/event-envelope";
import { isNewerVersion } from "@lotbridge/webhooks/is-newer-version";
import { eq } from "drizzle-orm";
import type { ProducerTx } from "../../db/database";
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
 * Why a bid snapshot is not about `held`, the bid this portal stored under the snapshot's `externalBidId`, or
 * undefined when it is. `externalBidId` alone proves nothing: every platform connected to the buyer portal picks
 * its own ids, so another platform's bid may carry ours. It is ours when this portal placed a bid with that id, for
 * the organization the snapshot names, on its lot, and — once the buyer portal told us its id — with that id.
 * Before the first answer (a bid still `sending`) the buyer's id is not known yet; the lot and organization decide.
 */
export function foreignBidReason(held: ProducerBidRow | undefined, bid: Bid): string | undefined {
  if (!held) return `No bid ${bid.externalBidId} was placed from this portal.`;
  if (held.organizationId !== bid.bidder.organizationId) {
    return `Bid ${bid.externalBidId} belongs to another organization here than the snapshot names.`;
  }
  if (held.lotId !== bid.lotId) return `Bid ${bid.externalBidId} was placed here on another lot.`;
  if (held.buyerBidId !== null && held.buyerBidId !== bid.id) {
    return `Bid ${bid.externalBidId} is ${held.buyerBidId} at the buyer portal, not ${bid.id}.`;
  }
  return undefined;
}

export type BidApplied = { refused: string } | { before: ProducerBidRow | undefined };

/**
 * Brings the producer's bid up to the buyer portal's snapshot if it is newer than the one held, and says how the bid
 * was before (undefined: the snapshot was not newer). A snapshot of a bid this portal did not place is refused and
 * changes nothing (see foreignBidReason).
 */
export async function applyBuyerBid(tx: ProducerTx, bid: Bid): Promise<BidApplied> {
  const [held] = await tx.select().from(producerBids).where(eq(producerBids.id, bid.externalBidId)).for("update");
  const refused = foreignBidReason(held, bid);
  if (refused) return { refused };
  if (!isNewerVersion(held.version, bid.version)) return { before: undefined };
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
  return { before: held };
}

/**
 * Applies a `bid.*` event: this confirms a bid even when the answer to its submit call was lost, and moves it
 * through the buyer's decisions and the negotiation. Only a newer snapshot tells the producer organization
 * anything, so a replayed or overtaken event never notifies twice. Another platform's bid is refused.
 */
export async function applyBidSnapshot(
  tx: ProducerTx,
  publicUrl: string,
  event: BidSnapshotEvent,
): Promise<{ refused: string } | undefined> {
  const applied = await applyBuyerBid(tx, event.data);
  if ("refused" in applied) return applied;
  if (applied.before) await tellBidEvent(tx, publicUrl, event, applied.before);
  return undefined;
}
