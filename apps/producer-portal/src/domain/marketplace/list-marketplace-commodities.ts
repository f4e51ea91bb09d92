import { sql } from "drizzle-orm";
import type { ProducerDb } from "../../db/database";
import { marketLots } from "./market-lot-table";

/**
 * The commodities of the lots open for bids now, for the marketplace's commodity filter. A season has a handful of
 * commodities over 100,000 lots: rather than reading every open lot to find them (800 ms at that size), each step
 * asks the commodity index for the next commodity after the last one found — one index probe per commodity.
 */
export async function listMarketplaceCommodities(db: ProducerDb, now = new Date()): Promise<string[]> {
  const open = sql`${marketLots.status} = 'published' and ${marketLots.biddingDeadline} > ${now}`;
  const { rows } = await db.execute<{ commodity: string }>(sql`
    with recursive found (commodity) as (
      (select ${marketLots.commodity} from ${marketLots}
        where ${open} and ${marketLots.commodity} is not null order by ${marketLots.commodity} limit 1)
      union all
      select (select ${marketLots.commodity} from ${marketLots}
        where ${open} and ${marketLots.commodity} > found.commodity order by ${marketLots.commodity} limit 1)
      from found where found.commodity is not null
    )
    select commodity from found where commodity is not null`);
  return rows.map((row) => row.commodity);
}
