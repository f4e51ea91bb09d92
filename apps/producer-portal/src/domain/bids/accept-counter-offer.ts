import type { CurrentMember } from "@lotbridge/auth/current-member";
import { newId } from "@lotbridge/db/new-id";
import { eq } from "drizzle-orm";
import type { ProducerTx } from "../../db/database";
import { enqueueCommand } from "../../integration/commands-out";
import { lockBuyerOffer } from "./lock-buyer-offer";
import { type ProducerBidRow, producerBids } from "./producer-bid-table";

/**
 * Accepts the buyer's pending counter-offer through the outbox. The bid stays `countered` with the acceptance
 * pending until the buyer portal answers: its accepted snapshot (or `bid.counter_accepted`) moves the bid on, and
 * `contract.created` brings the contract.
 */
export async function acceptCounterOffer(
  db: ProducerTx,
  member: CurrentMember,
  bidId: string,
  offerId: string,
  now = new Date(),
): Promise<ProducerBidRow> {
  return db.transaction(async (tx) => {
    const { bid, offer } = await lockBuyerOffer(tx, member.organizationId, bidId, offerId, now);
    const command = { bidId: bid.buyerBidId, offerId: offer.id, organizationId: member.organizationId };
    // A new key per request: after a refusal the producer may try again, and must not get the old answer back.
    const callId = await enqueueCommand(tx, "offer.accept", command, newId("accept"));
    const [updated] = await tx
      .update(producerBids)
      .set({ pendingCallId: callId, pendingChange: { kind: "acceptance", offerId: offer.id }, updatedAt: now })
      .where(eq(producerBids.id, bid.id))
      .returning();
    return updated;
  });
}
