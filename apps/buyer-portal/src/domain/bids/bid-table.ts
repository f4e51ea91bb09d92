import { bidStatuses } from "@lotbridge/contract/bid";
import { columnType, PRICE, VOLUME } from "@lotbridge/contract/limits";
import { offerStatuses, parties } from "@lotbridge/contract/offer";
import { sql } from "drizzle-orm";
import { check, index, integer, numeric, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { apiKeys, producerPlatforms } from "../../integration/integration-tables";
import { lots } from "../lots/lot-table";

/** Bids that are still in play; see docs/bids.md. */
export const liveBidStatuses = ["submitted", "countered"] as const;

export const bids = pgTable(
  "bid",
  {
    id: text("id").primaryKey(),
    lotId: text("lot_id")
      .notNull()
      .references(() => lots.id),
    status: text("status", { enum: bidStatuses }).notNull().default("submitted"),
    source: text("source", { enum: ["producer-portal"] })
      .notNull()
      .default("producer-portal"),
    externalBidId: text("external_bid_id").notNull(),
    producerPlatform: text("producer_platform")
      .notNull()
      .references(() => producerPlatforms.id),
    bidderOrganizationId: text("bidder_organization_id").notNull(),
    bidderOrganizationName: text("bidder_organization_name").notNull(),
    bidderName: text("bidder_name").notNull(),
    bidderEmail: text("bidder_email").notNull(),
    volume: numeric("volume", columnType(VOLUME)).notNull(),
    pricePerUnit: numeric("price_per_unit", columnType(PRICE)).notNull(),
    currency: text("currency").notNull(),
    deliveryTerms: text("delivery_terms").notNull().default(""),
    message: text("message").notNull().default(""),
    validUntil: timestamp("valid_until", { withTimezone: true }).notNull(),
    rejectionReason: text("rejection_reason"),
    apiKeyId: text("api_key_id").references(() => apiKeys.id),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("bid_lot_idx").on(table.lotId),
    // One producer organization holds at most one live bid per lot: the backstop of the live-bid-exists check.
    uniqueIndex("bid_one_live_per_producer_lot")
      .on(table.lotId, table.producerPlatform, table.bidderOrganizationId)
      .where(sql`${table.status} in ('submitted', 'countered')`),
    uniqueIndex("bid_external_id_per_platform").on(table.producerPlatform, table.externalBidId),
    check("bid_volume_positive", sql`${table.volume} > 0`),
    check("bid_price_positive", sql`${table.pricePerUnit} > 0`),
  ],
);

export type BidRow = typeof bids.$inferSelect;

export const offers = pgTable(
  "offer",
  {
    id: text("id").primaryKey(),
    bidId: text("bid_id")
      .notNull()
      .references(() => bids.id),
    round: integer("round").notNull(),
    fromParty: text("from_party", { enum: parties }).notNull(),
    volume: numeric("volume", columnType(VOLUME)).notNull(),
    pricePerUnit: numeric("price_per_unit", columnType(PRICE)).notNull(),
    deliveryTerms: text("delivery_terms").notNull().default(""),
    message: text("message").notNull().default(""),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    status: text("status", { enum: offerStatuses }).notNull().default("pending"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("offer_bid_round_idx").on(table.bidId, table.round),
    // The expiry job looks for pending offers past their expiry.
    index("offer_pending_expiry_idx").on(table.expiresAt).where(sql`${table.status} = 'pending'`),
  ],
);

export type OfferRow = typeof offers.$inferSelect;
