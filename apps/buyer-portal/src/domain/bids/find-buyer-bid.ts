import type { Bid } from "@lotbridge/contract/bid";
import { and, eq } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { type LotRow, lots } from "../lots/lot-table";
import { bidSnapshot } from "./bid-snapshot";
import { bids } from "./bid-table";

/**
 * A bid on one of the buyer organization's lots, with its negotiation thread, and the lot. A bid on another
 * organization's lot is undefined, as if it did not exist.
 */
export async function findBuyerBid(
  db: BuyerTx,
  organizationId: string,
  bidId: string,
): Promise<{ bid: Bid; lot: LotRow } | undefined> {
  const [found] = await db
    .select({ row: bids, lot: lots })
    .from(bids)
    .innerJoin(lots, eq(lots.id, bids.lotId))
    .where(and(eq(bids.id, bidId), eq(lots.organizationId, organizationId)));
  if (!found) return undefined;
  return { bid: await bidSnapshot(db, found.row, found.lot.number), lot: found.lot };
}
