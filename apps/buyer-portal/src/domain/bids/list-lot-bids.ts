import type { Bid } from "@lotbridge/contract/bid";
import { desc, eq } from "drizzle-orm";
import type { BuyerDb } from "../../db/database";
import { findOrganizationLot } from "../lots/find-lots";
import { bidSnapshot } from "./bid-snapshot";
import { bids } from "./bid-table";

/**
 * Every bid on one of the buyer organization's lots, newest first. Another organization's lot has no bids for this
 * caller: undefined, as if the lot did not exist.
 */
export async function listLotBids(db: BuyerDb, organizationId: string, lotId: string): Promise<Bid[] | undefined> {
  const lot = await findOrganizationLot(db, organizationId, lotId);
  if (!lot) return undefined;
  const rows = await db.select().from(bids).where(eq(bids.lotId, lot.id)).orderBy(desc(bids.createdAt));
  return Promise.all(rows.map((row) => bidSnapshot(db, row, lot.number)));
}
