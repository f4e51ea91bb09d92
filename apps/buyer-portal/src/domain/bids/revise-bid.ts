import type { Bid } from "@lotbridge/contract/bid";
import type { BidRevision } from "@lotbridge/contract/bid-revision";
import { requireAcceptableTerms } from "@lotbridge/contract/bid-terms";
import { eq, sql } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { announceBid } from "./announce-bid";
import { bids } from "./bid-table";
import { lockBiddableLot } from "./lock-biddable-lot";
import { lockSubmittedBid } from "./lock-submitted-bid";
import type { BidChange, ProducerCaller } from "./producer-caller";
import { addRound } from "./thread";

/**
 * The producer changes a bid the buyer has not answered yet: the new terms meet the same rules as a new bid, the
 * pending offer is superseded by a new producer round, `bid.received` carries the new snapshot and the buyer is told.
 */
export async function reviseBid(
  db: BuyerTx,
  caller: ProducerCaller,
  bidId: string,
  revision: BidRevision,
  { publicUrl, now = new Date() }: BidChange,
) {
  return db.transaction(async (tx): Promise<Bid> => {
    const { row } = await lockSubmittedBid(tx, caller, bidId, "revised");
    const lot = await lockBiddableLot(tx, row.lotId, now);
    const terms = {
      volume: revision.volume ?? row.volume,
      pricePerUnit: revision.pricePerUnit ?? row.pricePerUnit,
      deliveryTerms: revision.deliveryTerms ?? row.deliveryTerms,
      message: revision.message ?? row.message,
      validUntil: revision.validUntil ? new Date(revision.validUntil) : row.validUntil,
    };
    requireAcceptableTerms(lot, { ...terms, currency: row.currency, expiresAt: terms.validUntil }, now);
    const [revised] = await tx
      .update(bids)
      .set({ ...terms, version: sql`${bids.version} + 1`, updatedAt: now })
      .where(eq(bids.id, row.id))
      .returning();
    const { validUntil, ...roundTerms } = terms;
    await addRound(tx, row, "producer", { ...roundTerms, expiresAt: validUntil }, now);
    return announceBid(tx, { publicUrl, now }, lot, revised, "revised");
  });
}
