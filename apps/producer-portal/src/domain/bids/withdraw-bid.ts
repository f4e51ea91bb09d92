import { DomainError, notFound } from "@lotbridge/contract/problem";
import { and, eq } from "drizzle-orm";
import type { ProducerDb } from "../../db/database";
import { enqueueBuyerCall } from "../integration/enqueue-buyer-call";
import { producerBids } from "./producer-bid-table";

/**
 * Asks the buyer portal, through the outbox, to withdraw a bid it has received and not yet answered. The bid turns
 * `withdrawn` here when the buyer portal's `bid.withdrawn` event arrives, so both sides always agree.
 */
export async function withdrawBid(db: ProducerDb, organizationId: string, bidId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [bid] = await tx
      .select()
      .from(producerBids)
      .where(and(eq(producerBids.id, bidId), eq(producerBids.organizationId, organizationId)))
      .for("update");
    if (!bid) throw notFound("Bid");
    if (bid.state === "sending") {
      throw new DomainError(
        "bid-sending",
        409,
        "This bid is still on its way to the buyer; withdraw it once it arrived.",
      );
    }
    if (bid.state !== "submitted" || !bid.buyerBidId) {
      throw new DomainError(
        "bid-not-withdrawable",
        409,
        `This bid is ${bid.state}; only a submitted bid can be withdrawn.`,
      );
    }
    await enqueueBuyerCall(tx, {
      method: "POST",
      path: `/api/bids/${bid.buyerBidId}/withdraw`,
      headers: { "X-Producer-Organization": organizationId },
      idempotencyKey: `withdraw-${bid.id}`,
    });
  });
}
