import { columnType, PRICE, VOLUME } from "@lotbridge/contract/limits";
import type { Offer } from "@lotbridge/contract/offer";
import { index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

const moment = (name: string) => timestamp(name, { withTimezone: true });

/** `sending` until the buyer portal answers the submit call; `refused` if it never takes the bid; else its states. */
export const producerBidStates = [
  "sending",
  "submitted",
  "countered",
  "accepted",
  "rejected",
  "withdrawn",
  "expired",
  "refused",
] as const;
export type ProducerBidState = (typeof producerBidStates)[number];

/** A change the producer asked for and the buyer portal has not answered yet; one at a time per bid. */
export type PendingChange =
  | {
      kind: "revision";
      volume: string;
      pricePerUnit: string;
      deliveryTerms: string;
      message: string;
      validUntil: string;
    }
  | { kind: "withdrawal" }
  /** Answers to the buyer's pending counter-offer `offerId`. */
  | { kind: "acceptance"; offerId: string }
  | { kind: "rejection"; offerId: string; reason?: string }
  | {
      kind: "counter-offer";
      offerId: string;
      volume: string;
      pricePerUnit: string;
      deliveryTerms: string;
      message: string;
      expiresAt: string;
    };

/**
 * A producer's bid as this portal knows it. The buyer portal is the system of record; this row is stored first so
 * the producer sees "sending" while the outbox call is queued, and then follows the buyer's answers and events.
 */
export const producerBids = pgTable(
  "producer_bid",
  {
    /** Sent as `externalBidId` and as the submit call's Idempotency-Key. */
    id: text("id").primaryKey(),
    lotId: text("lot_id").notNull(),
    lotNumber: text("lot_number").notNull(),
    lotTitle: text("lot_title").notNull(),
    unit: text("unit").notNull(),
    organizationId: text("organization_id").notNull(),
    userId: text("user_id").notNull(),
    volume: numeric("volume", columnType(VOLUME)).notNull(),
    pricePerUnit: numeric("price_per_unit", columnType(PRICE)).notNull(),
    currency: text("currency").notNull(),
    deliveryTerms: text("delivery_terms").notNull(),
    message: text("message").notNull(),
    validUntil: moment("valid_until").notNull(),
    state: text("state", { enum: producerBidStates }).notNull(),
    buyerBidId: text("buyer_bid_id"),
    refusalReason: text("refusal_reason"),
    /** Why the buyer rejected the bid (or it lost when the lot was awarded), from the bid snapshot. */
    rejectionReason: text("rejection_reason"),
    /** The negotiation thread, oldest round first, as the last applied snapshot had it. */
    offers: jsonb("offers").$type<Offer[]>().notNull().default([]),
    /** The outbox call carrying `pendingChange`; cleared when the buyer portal answers it, or it is given up. */
    pendingCallId: text("pending_call_id"),
    pendingChange: jsonb("pending_change").$type<PendingChange>(),
    /** The version of the last buyer snapshot applied; 0 before any. */
    version: integer("version").notNull().default(0),
    createdAt: moment("created_at").notNull().defaultNow(),
    updatedAt: moment("updated_at").notNull().defaultNow(),
  },
  (table) => [
    index("producer_bid_org_created_idx").on(table.organizationId, table.createdAt),
    uniqueIndex("producer_bid_buyer_bid_id_idx").on(table.buyerBidId),
    uniqueIndex("producer_bid_pending_call_id_idx").on(table.pendingCallId),
  ],
);

export type ProducerBidRow = typeof producerBids.$inferSelect;
