import type { Bid } from "@lotbridge/contract/bid";
import type { EventEnvelope } from "@lotbridge/contract/event-envelope";
import { notifyOrganization } from "@lotbridge/runtime/notify-organization";
import type { Database } from "@lotbridge/webhooks/database";
import { isNewerVersion } from "@lotbridge/webhooks/is-newer-version";
import { eq } from "drizzle-orm";
import { type ProducerBidRow, producerBids } from "./producer-bid-table";

export type BidSnapshotEvent = EventEnvelope<"bid.received" | "bid.withdrawn">;

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
      refusalReason: null,
      updatedAt: new Date(),
    })
    .where(eq(producerBids.id, bid.externalBidId));
  return held;
}

/**
 * Applies a `bid.*` event: this confirms a bid even when the answer to its submit call was lost. The first snapshot
 * of a bid tells the producer organization it reached the buyer; a revision's is shown on the bid instead.
 */
export async function applyBidSnapshot(tx: Database, publicUrl: string, event: BidSnapshotEvent): Promise<boolean> {
  const before = await applyBuyerBid(tx, event.data);
  if (!before) return false;
  if (event.type === "bid.received" && before.version === 0) {
    const { volume, pricePerUnit, currency } = event.data;
    await notifyOrganization(tx, publicUrl, {
      organizationId: before.organizationId,
      type: "bid.received",
      title: `Your bid on ${before.lotNumber} reached the buyer`,
      body: `${volume} ${before.unit} at ${pricePerUnit} ${currency} per ${before.unit}.`,
      link: `/bids/${before.id}`,
      emailByDefault: false,
    });
  }
  return true;
}
