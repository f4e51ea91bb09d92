import type { CurrentMember } from "@lotbridge/auth/current-member";
import { newId } from "@lotbridge/db/new-id";
import type { Database } from "@lotbridge/webhooks/database";
import { eq } from "drizzle-orm";
import { enqueueBuyerCall } from "../integration/enqueue-buyer-call";
import { lockBuyerOffer } from "./lock-buyer-offer";
import { type ProducerBidRow, producerBids } from "./producer-bid-table";

/**
 * Accepts the buyer's pending counter-offer through the outbox. The bid stays `countered` with the acceptance
 * pending until the buyer portal answers: its accepted snapshot (or `bid.counter_accepted`) moves the bid on, and
 * `contract.created` brings the contract.
 */
export async function acceptCounterOffer(
  db: Database,
  member: CurrentMember,
  bidId: string,
  offerId: string,
  now = new Date(),
): Promise<ProducerBidRow> {
  return db.transaction(async (tx) => {
    const { bid, offer } = await lockBuyerOffer(tx, member.organizationId, bidId, offerId, now);
    const callId = await enqueueBuyerCall(tx, {
      method: "POST",
      path: `/api/bids/${bid.buyerBidId}/counter-offers/${offer.id}/accept`,
      headers: { "X-Producer-Organization": member.organizationId },
      // A new key per request: after a refusal the producer may try again, and must not get the old answer back.
      idempotencyKey: newId("accept"),
    });
    const [updated] = await tx
      .update(producerBids)
      .set({ pendingCallId: callId, pendingChange: { kind: "acceptance", offerId: offer.id }, updatedAt: now })
      .where(eq(producerBids.id, bid.id))
      .returning();
    return updated;
  });
}
