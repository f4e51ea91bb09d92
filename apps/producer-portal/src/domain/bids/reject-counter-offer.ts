import type { CurrentMember } from "@lotbridge/auth/current-member";
import type { OfferRejection } from "@lotbridge/contract/offer-rejection";
import { newId } from "@lotbridge/db/new-id";
import { eq } from "drizzle-orm";
import type { ProducerTx } from "../../db/database";
import { enqueueCommand } from "../../integration/commands-out";
import { lockBuyerOffer } from "./lock-buyer-offer";
import { type ProducerBidRow, producerBids } from "./producer-bid-table";

/**
 * Rejects the buyer's pending counter-offer through the outbox, which ends the negotiation: the buyer portal
 * answers with the bid `rejected`, and `bid.counter_rejected` follows.
 */
export async function rejectCounterOffer(
  db: ProducerTx,
  member: CurrentMember,
  bidId: string,
  offerId: string,
  { reason }: OfferRejection = {},
  now = new Date(),
): Promise<ProducerBidRow> {
  return db.transaction(async (tx) => {
    const { bid, offer } = await lockBuyerOffer(tx, member.organizationId, bidId, offerId, now);
    const callId = await enqueueCommand(
      tx,
      "offer.reject",
      {
        bidId: bid.buyerBidId,
        offerId: offer.id,
        organizationId: member.organizationId,
        rejection: reason ? { reason } : {},
      },
      newId("reject"),
    );
    const [updated] = await tx
      .update(producerBids)
      .set({ pendingCallId: callId, pendingChange: { kind: "rejection", offerId: offer.id, reason }, updatedAt: now })
      .where(eq(producerBids.id, bid.id))
      .returning();
    return updated;
  });
}
