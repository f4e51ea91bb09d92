import type { Lot } from "@lotbridge/contract/lot";
import { and, eq, isNotNull, ne, sql } from "drizzle-orm";
import type { ProducerDb } from "../../db/database";
import { marketLots } from "./market-lot-table";
import type { MarketplaceLot } from "./marketplace-lot";

/**
 * One lot from the replica in whatever state it is now, so a producer can read that bidding closed or that the
 * buyer cancelled it. A deleted lot is gone.
 */
export async function findMarketplaceLot(db: ProducerDb, lotId: string): Promise<MarketplaceLot | undefined> {
  const [row] = await db
    .select({
      snapshot: marketLots.snapshot,
      remainingVolume: sql<string>`(${marketLots.volume} - ${marketLots.allocatedVolume})::text`,
    })
    .from(marketLots)
    .where(and(eq(marketLots.id, lotId), ne(marketLots.status, "deleted"), isNotNull(marketLots.snapshot)));
  return row ? { ...(row.snapshot as Lot), remainingVolume: row.remainingVolume } : undefined;
}
