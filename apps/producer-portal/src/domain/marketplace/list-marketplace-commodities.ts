import { and, asc, eq, gt, isNotNull } from "drizzle-orm";
import type { ProducerDb } from "../../db/database";
import { marketLots } from "./market-lot-table";

/** The commodities of the lots open for bids now, for the marketplace's commodity filter. */
export async function listMarketplaceCommodities(db: ProducerDb, now = new Date()): Promise<string[]> {
  const rows = await db
    .selectDistinct({ commodity: marketLots.commodity })
    .from(marketLots)
    .where(
      and(eq(marketLots.status, "published"), gt(marketLots.biddingDeadline, now), isNotNull(marketLots.commodity)),
    )
    .orderBy(asc(marketLots.commodity));
  return rows.map((row) => row.commodity as string);
}
