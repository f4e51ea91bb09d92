import { DomainError, notFound } from "@lotbridge/contract/problem";
import { and, eq } from "drizzle-orm";
import type { ProducerTx } from "../../db/database";
import { describePendingChange } from "./describe-pending-change";
import { type ProducerBidRow, type ProducerBidState, producerBids } from "./producer-bid-table";

/** What the producer wants to do, and the state the buyer portal must hold the bid in for it. */
export interface BidChange {
  /** "revised", "withdrawn", "answered": completes "only a <state> bid can be …". */
  action: string;
  state: Extract<ProducerBidState, "submitted" | "countered">;
}

/**
 * The organization's own bid, locked, if the producer may still change it: the buyer portal holds it in the state
 * the change needs and no earlier change is on its way (two calls in flight could arrive in either order, and the
 * buyer portal would answer the second against a bid the producer has not seen yet).
 */
export async function lockChangeableBid(
  tx: ProducerTx,
  organizationId: string,
  bidId: string,
  { action, state }: BidChange,
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
      `This bid is still on its way to the buyer; it can be ${action} once it arrived.`,
    );
  }
  if (bid.state !== state || !bid.buyerBidId) {
    throw new DomainError("bid-not-changeable", 409, `This bid is ${bid.state}; only a ${state} bid can be ${action}.`);
  }
  if (bid.pendingCallId) {
    throw new DomainError(
      "change-pending",
      409,
      `Your ${describePendingChange(bid.pendingChange?.kind)} is still on its way to the buyer; try again once it arrived.`,
    );
  }
  return { ...bid, buyerBidId: bid.buyerBidId };
}
