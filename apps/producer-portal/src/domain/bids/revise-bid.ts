import type { BidRevision } from "@lotbridge/contract/bid-revision";
import { requireAcceptableTerms } from "@lotbridge/contract/bid-terms";
import { newId } from "@lotbridge/db/new-id";
import { eq } from "drizzle-orm";
import type { ProducerDb } from "../../db/database";
import { enqueueCommand } from "../../integration/commands-out";
import { findOpenLot } from "./find-open-lot";
import { lockChangeableBid } from "./lock-changeable-bid";
import { type ProducerBidRow, producerBids } from "./producer-bid-table";

/**
 * Sends a revision of a submitted bid to the buyer portal through the outbox, once the revised terms meet the lot's
 * rules on the replica. The bid keeps its terms, marked with the pending revision, until the buyer portal answers:
 * its `bid.received` snapshot (or the call's answer) carries the new terms; a refusal is told to the producer.
 */
export async function reviseBid(
  db: ProducerDb,
  organizationId: string,
  bidId: string,
  revision: BidRevision,
  now = new Date(),
): Promise<ProducerBidRow> {
  return db.transaction(async (tx) => {
    const bid = await lockChangeableBid(tx, organizationId, bidId, { action: "revised", state: "submitted" });
    const lot = await findOpenLot(tx, bid.lotId, now);
    const terms = {
      volume: revision.volume ?? bid.volume,
      pricePerUnit: revision.pricePerUnit ?? bid.pricePerUnit,
      deliveryTerms: revision.deliveryTerms ?? bid.deliveryTerms,
      message: revision.message ?? bid.message,
      validUntil: revision.validUntil ?? bid.validUntil.toISOString(),
    };
    requireAcceptableTerms(lot.snapshot, { ...terms, currency: bid.currency, expiresAt: terms.validUntil }, now);
    // Each revision is a new request; its retries share this key.
    const command = { bidId: bid.buyerBidId, organizationId, revision };
    const callId = await enqueueCommand(tx, "bid.revise", command, newId("revision"));
    const [updated] = await tx
      .update(producerBids)
      .set({ pendingCallId: callId, pendingChange: { kind: "revision", ...terms }, updatedAt: now })
      .where(eq(producerBids.id, bid.id))
      .returning();
    return updated;
  });
}
