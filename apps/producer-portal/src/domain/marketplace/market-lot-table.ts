import { columnType, VOLUME } from "@lotbridge/contract/limits";
import type { Lot } from "@lotbridge/contract/lot";
import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, numeric, pgTable, text, timestamp } from "drizzle-orm/pg-core";

const moment = (name: string) => timestamp(name, { withTimezone: true });

/** What the replica knows of a lot: the buyer portal's states, and `deleted` for a lot.deleted tombstone. */
export const marketLotStatuses = ["published", "closed", "awarded", "cancelled", "deleted", "draft"] as const;

/**
 * The producer portal's replica of the buyer portal's lots, kept by the lot events (webhooks and reconciliation
 * alike) so the marketplace works while the buyer portal is away. `snapshot` is the last applied event's data,
 * served as is; the other columns are copied from it for searching and sorting, and are empty only on the
 * tombstone of a lot deleted before this portal ever saw it.
 */
export const marketLots = pgTable(
  "market_lot",
  {
    id: text("id").primaryKey(),
    number: text("number").notNull(),
    status: text("status", { enum: marketLotStatuses }).notNull(),
    version: integer("version").notNull(),
    snapshot: jsonb("snapshot").$type<Lot>(),
    commodity: text("commodity"),
    deliveryLocation: text("delivery_location"),
    volume: numeric("volume", columnType(VOLUME)),
    allocatedVolume: numeric("allocated_volume", columnType(VOLUME)),
    deliveryStart: date("delivery_start"),
    deliveryEnd: date("delivery_end"),
    biddingDeadline: moment("bidding_deadline"),
    publishedAt: moment("published_at"),
    /** Number, title, commodity, description, quality, location and buyer, for the marketplace's word search. */
    searchText: text("search_text"),
    receivedAt: moment("received_at").notNull().defaultNow(),
  },
  (table) => {
    const open = sql`${table.status} = 'published'`;
    return [
      index("market_lot_open_deadline_idx").on(table.biddingDeadline, table.id).where(open),
      index("market_lot_open_published_idx").on(table.publishedAt, table.id).where(open),
      // Word search is `ilike '%word%'` (matchesEveryWord): trigram indexes find a rare or absent word without a scan.
      index("market_lot_open_text_idx").using("gin", table.searchText.op("gin_trgm_ops")).where(open),
      index("market_lot_open_location_idx").using("gin", table.deliveryLocation.op("gin_trgm_ops")).where(open),
      // A rare commodity in deadline order, without walking every open lot to find its few.
      index("market_lot_open_commodity_idx")
        .on(sql`lower(${table.commodity})`, table.biddingDeadline, table.id)
        .where(open),
      index("market_lot_open_volume_idx").on(table.volume).where(open),
      // The commodities on offer, one index probe each (listMarketplaceCommodities).
      index("market_lot_open_commodity_name_idx").on(table.commodity).where(open),
    ];
  },
);

export type MarketLotRow = typeof marketLots.$inferSelect;
