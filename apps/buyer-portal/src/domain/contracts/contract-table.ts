import { contractStatuses } from "@lotbridge/contract/contract";
import { columnType, PRICE, TOTAL, VOLUME } from "@lotbridge/contract/limits";
import { parties } from "@lotbridge/contract/offer";
import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  numeric,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { bids, offers } from "../bids/bid-table";
import { deliveryTermColumns } from "../deliveries/delivery-term-columns";
import { lots } from "../lots/lot-table";

const moment = (name: string) => timestamp(name, { withTimezone: true });

/** The six digits of `CT-<year>-<6 digits>`; one sequence for every year, so a number is never reused. */
export const contractNumberSequence = pgSequence("contract_number_seq", { startWith: 1 });

/**
 * The agreement made when a bid or a counter-offer is accepted. Parties, lot and terms are copied at acceptance, so
 * later edits to the lot or to an organization's name never change what was agreed (docs/contracts.md).
 */
export const contracts = pgTable(
  "contract",
  {
    id: text("id").primaryKey(),
    number: text("number").notNull().unique(),
    status: text("status", { enum: contractStatuses }).notNull().default("pending_signature"),
    buyerOrganizationId: text("buyer_organization_id").notNull(),
    buyerName: text("buyer_name").notNull(),
    producerPlatform: text("producer_platform").notNull(),
    producerOrganizationId: text("producer_organization_id").notNull(),
    producerName: text("producer_name").notNull(),
    producerContactName: text("producer_contact_name").notNull(),
    producerContactEmail: text("producer_contact_email").notNull(),
    lotId: text("lot_id")
      .notNull()
      .references(() => lots.id),
    lotNumber: text("lot_number").notNull(),
    lotTitle: text("lot_title").notNull(),
    commodity: text("commodity").notNull(),
    qualitySpecs: text("quality_specs").notNull(),
    volume: numeric("volume", columnType(VOLUME)).notNull(),
    unit: text("unit").notNull(),
    pricePerUnit: numeric("price_per_unit", columnType(PRICE)).notNull(),
    currency: text("currency").notNull(),
    total: numeric("total", columnType(TOTAL)).notNull(),
    paymentTerms: text("payment_terms").notNull(),
    incoterm: text("incoterm").notNull(),
    deliveryLocation: text("delivery_location").notNull(),
    deliveryStart: date("delivery_start").notNull(),
    deliveryEnd: date("delivery_end").notNull(),
    ...deliveryTermColumns(),
    bidId: text("bid_id")
      .notNull()
      .references(() => bids.id),
    offerId: text("offer_id").references(() => offers.id),
    cancellationReason: text("cancellation_reason"),
    /** Set once, by the overdue job, when the delivery window ended with the contract still open for deliveries. */
    overdueSince: moment("overdue_since"),
    /** The settlement statement, issued when the contract is fulfilled or closed short (docs/deliveries.md). */
    settlementIssuedAt: moment("settlement_issued_at"),
    settlementHash: text("settlement_hash"),
    version: integer("version").notNull().default(1),
    createdAt: moment("created_at").notNull(),
    updatedAt: moment("updated_at").notNull(),
  },
  (table) => [
    // One contract per accepted bid, whatever races: the backstop of the acceptance transaction.
    uniqueIndex("contract_bid_idx").on(table.bidId),
    index("contract_buyer_org_idx").on(table.buyerOrganizationId, table.createdAt),
    index("contract_producer_idx").on(table.producerPlatform, table.producerOrganizationId),
    check("contract_volume_positive", sql`${table.volume} > 0`),
  ],
);

export type ContractRow = typeof contracts.$inferSelect;

/** A party's assent to the contract document with that SHA-256; one per party. */
export const contractSignatures = pgTable(
  "contract_signature",
  {
    contractId: text("contract_id")
      .notNull()
      .references(() => contracts.id),
    party: text("party", { enum: parties }).notNull(),
    signerName: text("signer_name").notNull(),
    signerEmail: text("signer_email").notNull(),
    signedAt: moment("signed_at").notNull(),
    documentHash: text("document_hash").notNull(),
  },
  (table) => [uniqueIndex("contract_signature_party_idx").on(table.contractId, table.party)],
);

/** Every status a contract has had, oldest first: its history on both portals. */
export const contractStatusChanges = pgTable(
  "contract_status_change",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    contractId: text("contract_id")
      .notNull()
      .references(() => contracts.id),
    status: text("status", { enum: contractStatuses }).notNull(),
    at: moment("at").notNull(),
    reason: text("reason"),
  },
  (table) => [index("contract_status_change_contract_idx").on(table.contractId, table.id)],
);
