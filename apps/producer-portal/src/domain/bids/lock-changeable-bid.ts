import { DomainError, notFound } from "@lotbridge/contract/problem";
import type { Database } from "@lotbridge/webhooks/database";
import { and, eq } from "drizzle-orm";
import { type ProducerBidRow, producerBids } from "./producer-bid-table";

/**
 * The organization's own bid, locked, if the producer may still change it: the buyer portal holds it as `submitted`
 * and no earlier change is on its way (two calls in flight could arrive in either order).
 */
export async function lockChangeableBid(
  tx: Database,
  organizationId: string,
  bidId: string,
  change: "revised" | "withdrawn",
): Promise<ProducerBidRow & { buyerBidId: string }> {
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
      `This bid is still on its way to the buyer; it can be ${change} once it arrived.`,
    );
  }
  if (bid.state !== "submitted" || !bid.buyerBidId) {
    throw new DomainError(
      "bid-not-changeable",
      409,
      `This bid is ${bid.state}; only a submitted bid can be ${change}.`,
    );
  }
  if (bid.pendingCallId) {
    throw new DomainError(
      "change-pending",
      409,
      `Your ${bid.pendingChange?.kind ?? "earlier change"} of this bid is still on its way to the buyer; try again once it arrived.`,
    );
  }
  return { ...bid, buyerBidId: bid.buyerBidId };
}
