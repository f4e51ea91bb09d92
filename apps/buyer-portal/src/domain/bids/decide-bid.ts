import type { Bid } from "@lotbridge/contract/bid";
import type { BidDecision } from "@lotbridge/contract/bid-decision";
import { eq, sql } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { acceptOffer } from "./accept-offer";
import { bids, offers } from "./bid-table";
import { lockBuyerBid } from "./lock-bid";
import type { BidChange } from "./producer-caller";
import { publishBid } from "./publish-bid";
import { lockOfferAwaiting } from "./thread";

/**
 * The buyer accepts the producer's pending offer (creating the contract) or rejects it with a reason the producer
 * reads (`PUT /api/bids/{id}`). Only a bid on one of the buyer organization's lots, and only on the buyer's turn.
 */
export async function decideBid(
  db: BuyerTx,
  organizationId: string,
  bidId: string,
  decision: BidDecision,
  { publicUrl, now = new Date() }: BidChange,
): Promise<Bid> {
  return db.transaction(async (tx) => {
    const { lot, row } = await lockBuyerBid(tx, organizationId, bidId);
    const offer = await lockOfferAwaiting(tx, row, "buyer", now);
    if (decision.action === "accept") {
      return (await acceptOffer(tx, { publicUrl, now }, { lot, bid: row, offer, by: "buyer" })).bid;
    }
    await tx.update(offers).set({ status: "rejected" }).where(eq(offers.id, offer.id));
    const [rejected] = await tx
      .update(bids)
      .set({ status: "rejected", rejectionReason: decision.reason, version: sql`${bids.version} + 1`, updatedAt: now })
      .where(eq(bids.id, row.id))
      .returning();
    return publishBid(tx, "bid.rejected", rejected, lot.number, now);
  });
}
