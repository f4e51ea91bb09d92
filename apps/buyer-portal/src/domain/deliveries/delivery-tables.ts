import { discountKinds, ledgerEntryKinds, type Measurement, ticketDecisions } from "@lotbridge/contract/delivery";
import { columnType, PRICE, TOTAL, VOLUME } from "@lotbridge/contract/limits";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { contracts } from "../contracts/contract-table";

const moment = (name: string) => timestamp(name, { withTimezone: true });
const actorParties = ["buyer", "producer", "system"] as const;

/** A load the producer announced (docs/deliveries.md): an expected arrival on the buyer's side. */
export const contractDispatches = pgTable(
  "contract_dispatch",
  {
    id: text("id").primaryKey(),
    contractId: text("contract_id")
      .notNull()
      .references(() => contracts.id),
    /** The producer platform's own id of the dispatch; with the contract, what makes a resent announcement the same. */
    externalId: text("external_id"),
    plannedDate: date("planned_date").notNull(),
    vehicleReference: text("vehicle_reference").notNull(),
    estimatedWeight: numeric("estimated_weight", columnType(VOLUME)).notNull(),
    note: text("note").notNull().default(""),
    announcedAt: moment("announced_at").notNull(),
    announcedByName: text("announced_by_name").notNull(),
  },
  (table) => [
    index("contract_dispatch_contract_idx").on(table.contractId, table.announcedAt),
    uniqueIndex("contract_dispatch_external_idx").on(table.contractId, table.externalId),
  ],
);

/** A weighbridge ticket: its number and which version is current. Its versions hold what was recorded. */
export const deliveryTickets = pgTable(
  "delivery_ticket",
  {
    id: text("id").primaryKey(),
    contractId: text("contract_id")
      .notNull()
      .references(() => contracts.id),
    number: text("number").notNull(),
    currentVersion: integer("current_version").notNull().default(1),
    createdAt: moment("created_at").notNull(),
  },
  (table) => [
    // A ticket number is recorded once per contract, whatever the case: a resent ticket is the same ticket.
    uniqueIndex("delivery_ticket_number_idx").on(table.contractId, sql`lower(${table.number})`),
    index("delivery_ticket_contract_idx").on(table.contractId, table.createdAt),
  ],
);

/** Every version of a ticket; a correction adds one with its reason and never changes an older one. */
export const deliveryTicketVersions = pgTable(
  "delivery_ticket_version",
  {
    ticketId: text("ticket_id")
      .notNull()
      .references(() => deliveryTickets.id),
    version: integer("version").notNull(),
    dispatchId: text("dispatch_id").references(() => contractDispatches.id),
    receivedAt: moment("received_at").notNull(),
    grossWeight: numeric("gross_weight", columnType(VOLUME)).notNull(),
    tareWeight: numeric("tare_weight", columnType(VOLUME)).notNull(),
    netWeight: numeric("net_weight", columnType(VOLUME)).notNull(),
    /** Each measured value with its parameter's range and whether it is in spec, as judged when recorded. */
    measurements: jsonb("measurements").$type<Measurement[]>().notNull(),
    outOfSpec: boolean("out_of_spec").notNull(),
    decision: text("decision", { enum: ticketDecisions }).notNull(),
    discountKind: text("discount_kind", { enum: discountKinds }),
    discountAmount: numeric("discount_amount", columnType(PRICE)),
    rejectionReason: text("rejection_reason").notNull().default(""),
    acceptedQuantity: numeric("accepted_quantity", columnType(VOLUME)).notNull(),
    discount: numeric("discount", columnType(TOTAL)).notNull(),
    value: numeric("value", columnType(TOTAL)).notNull(),
    note: text("note").notNull().default(""),
    correctionReason: text("correction_reason"),
    recordedAt: moment("recorded_at").notNull(),
    recordedByParty: text("recorded_by_party", { enum: actorParties }).notNull(),
    recordedByName: text("recorded_by_name").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.ticketId, table.version] }),
    check("delivery_ticket_weights", sql`${table.grossWeight} > ${table.tareWeight} AND ${table.tareWeight} > 0`),
  ],
);

/** Every change of a contract's delivery ledger, with who and when: the ledger's history on both portals. */
export const deliveryLedgerEntries = pgTable(
  "delivery_ledger_entry",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    contractId: text("contract_id")
      .notNull()
      .references(() => contracts.id),
    at: moment("at").notNull(),
    kind: text("kind", { enum: ledgerEntryKinds }).notNull(),
    byParty: text("by_party", { enum: actorParties }).notNull(),
    byName: text("by_name").notNull(),
    dispatchId: text("dispatch_id"),
    ticketId: text("ticket_id"),
    accepted: numeric("accepted", columnType(VOLUME)).notNull(),
    value: numeric("value", columnType(TOTAL)).notNull(),
    text: text("text").notNull(),
  },
  (table) => [index("delivery_ledger_entry_contract_idx").on(table.contractId, table.id)],
);
