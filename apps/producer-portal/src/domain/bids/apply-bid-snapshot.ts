import type { EventEnvelope } from "@lotbridge/contract/event-envelope";
import { notifyOrganization } from "@lotbridge/runtime/notify-organization";
import type { Database } from "@lotbridge/webhooks/database";
import { isNewerVersion } from "@lotbridge/webhooks/is-newer-version";
import { eq } from "drizzle-orm";
import { producerBids } from "./producer-bid-table";

export type BidSnapshotEvent = EventEnvelope<"bid.received" | "bid.withdrawn">;

/**
 * Brings the producer's bid up to the buyer's snapshot, if it is newer than the one held: this confirms a bid even
 * when the answer to its submit call was lost. Events about bids placed elsewhere (no local row) change nothing.
 * A newly applied `bid.received` tells the producer organization its bid reached the buyer.
 */
export async function applyBidSnapshot(tx: Database, publicUrl: string, event: BidSnapshotEvent): Promise<boolean> {
  const bid = event.data;
  const [held] = await tx
    .select({ version: producerBids.version })
    .from(producerBids)
    .where(eq(producerBids.id, bid.externalBidId))
    .for("update");
  if (!held || !isNewerVersion(held.version, bid.version)) return false;
  const [updated] = await tx
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
    .where(eq(producerBids.id, bid.externalBidId))
    .returning();
  if (event.type === "bid.received") {
    await notifyOrganization(tx, publicUrl, {
      organizationId: updated.organizationId,
      type: "bid.received",
      title: `Your bid on ${updated.lotNumber} reached the buyer`,
      body: `${updated.volume} ${updated.unit} at ${updated.pricePerUnit} ${updated.currency} per ${updated.unit}.`,
      link: "/bids",
      emailByDefault: false,
    });
  }
  return true;
}
