import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import type { LotRow } from "../lots/lot-table";
import { bids, liveBidStatuses, offers } from "./bid-table";
import { publishBid } from "./publish-bid";

export const AWARDED_REASON = "The lot was fully awarded to other bids.";

/** When a lot is awarded, every other live bid on it loses: rejected with the reason, each with `bid.rejected`. */
export async function rejectLiveBids(tx: BuyerTx, lot: LotRow, exceptBidId: string, now: Date): Promise<void> {
  const losing = await tx
    .select()
    .from(bids)
    .where(and(eq(bids.lotId, lot.id), inArray(bids.status, [...liveBidStatuses]), ne(bids.id, exceptBidId)))
    .orderBy(bids.createdAt, bids.id)
    .for("update");
  for (const bid of losing) {
    await tx
      .update(offers)
      .set({ status: "rejected" })
      .where(and(eq(offers.bidId, bid.id), eq(offers.status, "pending")));
    const [rejected] = await tx
      .update(bids)
      .set({ status: "rejected", rejectionReason: AWARDED_REASON, version: sql`${bids.version} + 1`, updatedAt: now })
      .where(eq(bids.id, bid.id))
      .returning();
    await publishBid(tx, "bid.rejected", rejected, lot.number, now);
  }
}
