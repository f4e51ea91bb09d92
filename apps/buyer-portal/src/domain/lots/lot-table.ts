import { organization, user } from "@lotbridge/auth/tables";
import { columnType, PRICE, VOLUME } from "@lotbridge/contract/limits";
import { lotStatuses } from "@lotbridge/contract/lot";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgSequence,
  pgTable,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { deliveryTermColumns } from "../deliveries/delivery-term-columns";

export const lotNumberSequence = pgSequence("lot_number_seq", { startWith: 1 });

/** Positions in the external listing, drawn when a lot is published; see docs/lots.md "listing order". */
export const lotListingSequence = pgSequence("lot_listing_seq", { startWith: 1 });

/**
 * The text `GET /api/lots/external?q=` searches: number, title, commodity and description. Written with `||` (every
 * part is NOT NULL), not concat_ws, because an index expression must be immutable: the trigram index below is built
 * on this very expression, and the listing's query must use it as is for the planner to match the two.
 */
export const lotSearchText = (table: {
  number: AnyPgColumn;
  title: AnyPgColumn;
  commodity: AnyPgColumn;
  description: AnyPgColumn;
}) => sql`(${table.number} || ' ' || ${table.title} || ' ' || ${table.commodity} || ' ' || ${table.description})`;

export const lots = pgTable(
  "lot",
  {
    id: text("id").primaryKey(),
    number: text("number").notNull().unique(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id),
    status: text("status", { enum: lotStatuses }).notNull().default("draft"),
    title: text("title").notNull(),
    commodity: text("commodity").notNull(),
    description: text("description").notNull().default(""),
    qualitySpecs: text("quality_specs").notNull().default(""),
    volume: numeric("volume", columnType(VOLUME)).notNull(),
    unit: text("unit").notNull(),
    minBidVolume: numeric("min_bid_volume", columnType(VOLUME)).notNull(),
    partialBidsAllowed: boolean("partial_bids_allowed").notNull().default(true),
    targetPrice: numeric("target_price", columnType(PRICE)),
    currency: text("currency").notNull(),
    deliveryLocation: text("delivery_location").notNull(),
    incoterm: text("incoterm").notNull(),
    deliveryStart: date("delivery_start").notNull(),
    deliveryEnd: date("delivery_end").notNull(),
    biddingDeadline: timestamp("bidding_deadline", { withTimezone: true }).notNull(),
    paymentTerms: text("payment_terms").notNull(),
    ...deliveryTermColumns(),
    allocatedVolume: numeric("allocated_volume", columnType(VOLUME)).notNull().default("0"),
    version: integer("version").notNull().default(1),
    /** Position in GET /api/lots/external; set once, on publication. Producers have seen a lot iff it is set. */
    publishedSeq: bigint("published_seq", { mode: "number" }).unique(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdBy: text("created_by").references(() => user.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("lot_org_status_idx").on(table.organizationId, table.status),
    index("lot_status_published_seq_idx").on(table.status, table.publishedSeq),
    index("lot_deadline_idx").on(table.biddingDeadline).where(sql`${table.status} = 'published'`),
    // For the external listing's filters, so that a rare word, commodity or recent change is found without walking
    // every listed lot in listing order; see listExternalLots.
    index("lot_listed_text_idx")
      .using("gin", sql`${lotSearchText(table)} gin_trgm_ops`)
      .where(sql`${table.publishedSeq} is not null`),
    index("lot_listed_commodity_idx")
      .on(table.status, sql`lower(${table.commodity})`, table.publishedSeq)
      .where(sql`${table.publishedSeq} is not null`),
    index("lot_listed_updated_idx")
      .on(table.status, table.updatedAt, table.publishedSeq)
      .where(sql`${table.publishedSeq} is not null`),
    check("lot_volume_positive", sql`${table.volume} > 0`),
    check("lot_allocation_within_volume", sql`${table.allocatedVolume} <= ${table.volume}`),
  ],
);

export type LotRow = typeof lots.$inferSelect;
