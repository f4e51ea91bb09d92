import type { Bid } from "@lotbridge/contract/bid";
import { and, eq, sql } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { announceBid } from "./announce-bid";
import { bids, offers } from "./bid-table";
import { lockSubmittedBid } from "./lock-submitted-bid";
import type { BidChange, ProducerCaller } from "./producer-caller";

/**
 * The producer takes back a bid the buyer has not answered yet; its pending offer no longer stands. Allowed on a lot
 * in any state: a producer may always step back from an unanswered bid.
 */
export async function withdrawBid(
  db: BuyerTx,
  caller: ProducerCaller,
  bidId: string,
  { publicUrl, now = new Date() }: BidChange,
) {
  return db.transaction(async (tx): Promise<Bid> => {
    const { lot, row } = await lockSubmittedBid(tx, caller, bidId, "withdrawn");
    const [withdrawn] = await tx
      .update(bids)
      .set({ status: "withdrawn", version: sql`${bids.version} + 1`, updatedAt: now })
      .where(eq(bids.id, row.id))
      .returning();
    await tx
      .update(offers)
      .set({ status: "superseded" })
      .where(and(eq(offers.bidId, row.id), eq(offers.status, "pending")));
    return announceBid(tx, { publicUrl, now }, lot, withdrawn, "withdrawn");
  });
}
