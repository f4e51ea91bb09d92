import type { Contract, ContractStatus } from "@lotbridge/contract/contract";
import { contractStatuses } from "@lotbridge/contract/contract";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

const moment = (name: string) => timestamp(name, { withTimezone: true });

/** The producer's signature on its way to the buyer portal; cleared when the call is answered or given up. */
export interface PendingSignature {
  kind: "signature";
  signerName: string;
  signerEmail: string;
  documentHash: string;
}

/**
 * The replica of a contract of one of this portal's organizations, kept by `contract.created` / `contract.updated`
 * (and by the answer to the producer's signature call). The buyer portal is the system of record: `snapshot` is the
 * newest version it sent, served as is; the other columns are copied from it for finding and listing.
 */
export const producerContracts = pgTable(
  "producer_contract",
  {
    /** The buyer portal's contract id (`ct_…`): the one every call and event names. */
    id: text("id").primaryKey(),
    number: text("number").notNull(),
    /** `producer.organizationId` of the snapshot: this portal's organization the contract binds. */
    organizationId: text("organization_id").notNull(),
    /** The buyer portal's bid id, i.e. `producer_bid.buyer_bid_id`. */
    buyerBidId: text("buyer_bid_id").notNull(),
    status: text("status", { enum: contractStatuses }).$type<ContractStatus>().notNull(),
    version: integer("version").notNull(),
    snapshot: jsonb("snapshot").$type<Contract>().notNull(),
    pendingCallId: text("pending_call_id"),
    pendingChange: jsonb("pending_change").$type<PendingSignature>(),
    /** When the contract was created on the buyer portal (acceptance), so lists sort by that. */
    createdAt: moment("created_at").notNull().defaultNow(),
    updatedAt: moment("updated_at").notNull().defaultNow(),
  },
  (table) => [
    index("producer_contract_org_created_idx").on(table.organizationId, table.createdAt),
    index("producer_contract_buyer_bid_id_idx").on(table.buyerBidId),
    uniqueIndex("producer_contract_pending_call_id_idx").on(table.pendingCallId),
  ],
);

export type ProducerContractRow = typeof producerContracts.$inferSelect;
