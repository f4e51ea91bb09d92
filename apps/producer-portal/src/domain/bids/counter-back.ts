import type { CurrentMember } from "@lotbridge/auth/current-member";
import { requireAcceptableTerms } from "@lotbridge/contract/bid-terms";
import type { CounterOfferInput } from "@lotbridge/contract/counter-offer-input";
import { newId } from "@lotbridge/db/new-id";
import { eq } from "drizzle-orm";
import type { ProducerTx } from "../../db/database";
import { enqueueCommand } from "../../integration/commands-out";
import { findOpenLot } from "./find-open-lot";
import { lockBuyerOffer } from "./lock-buyer-offer";
import { type ProducerBidRow, producerBids } from "./producer-bid-table";

/**
 * Answers the buyer's pending counter-offer with the producer's own terms, through the outbox, once they meet the
 * lot's rules on the replica (as a bid would; the lot must still be open for bids). The thread shows the new round
 * when the buyer portal's answer or its `bid.counter_offer` event arrives.
 */
export async function counterBack(
  db: ProducerTx,
  member: CurrentMember,
  bidId: string,
  input: CounterOfferInput,
  now = new Date(),
): Promise<ProducerBidRow> {
  return db.transaction(async (tx) => {
    const { bid, offer } = await lockBuyerOffer(tx, member.organizationId, bidId, undefined, now);
    const lot = await findOpenLot(tx, bid.lotId, now);
    requireAcceptableTerms(lot.snapshot, { ...input, currency: bid.currency }, now, "expiresAt");
    const command = { bidId: bid.buyerBidId, organizationId: member.organizationId, counter: input };
    const callId = await enqueueCommand(tx, "offer.counter", command, newId("counter"));
    const [updated] = await tx
      .update(producerBids)
      .set({
        pendingCallId: callId,
        pendingChange: { kind: "counter-offer", offerId: offer.id, ...input },
        updatedAt: now,
      })
      .where(eq(producerBids.id, bid.id))
      .returning();
    return updated;
  });
}
