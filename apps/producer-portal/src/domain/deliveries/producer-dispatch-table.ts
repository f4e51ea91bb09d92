import { columnType, VOLUME } from "@lotbridge/contract/limits";
import { date, index, numeric, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

const moment = (name: string) => timestamp(name, { withTimezone: true });

export const dispatchStatuses = ["sending", "delivered", "refused"] as const;
export type DispatchStatus = (typeof dispatchStatuses)[number];

/**
 * A load a member of this portal announced, on its way to the buyer portal through the outbox (docs/deliveries.md).
 * Once the buyer portal has it, the contract's snapshot lists it (by `externalId` = this id) and is what both portals
 * show; this row keeps what is still sending or was refused, and why.
 */
export const producerDispatches = pgTable(
  "producer_dispatch",
  {
    /** `pdsp_…`: sent as the Idempotency-Key and stored by the buyer portal as the dispatch's externalId. */
    id: text("id").primaryKey(),
    contractId: text("contract_id").notNull(),
    organizationId: text("organization_id").notNull(),
    plannedDate: date("planned_date").notNull(),
    vehicleReference: text("vehicle_reference").notNull(),
    estimatedWeight: numeric("estimated_weight", columnType(VOLUME)).notNull(),
    note: text("note").notNull().default(""),
    status: text("status", { enum: dispatchStatuses }).notNull().default("sending"),
    /** The buyer portal's `dsp_…` id, once it answered. */
    buyerDispatchId: text("buyer_dispatch_id"),
    refusalReason: text("refusal_reason"),
    /** The outbox message carrying the call; the answer is routed back by it. */
    callId: text("call_id").notNull(),
    createdByName: text("created_by_name").notNull(),
    createdAt: moment("created_at").notNull().defaultNow(),
  },
  (table) => [
    index("producer_dispatch_contract_idx").on(table.organizationId, table.contractId, table.createdAt),
    uniqueIndex("producer_dispatch_call_idx").on(table.callId),
  ],
);

export type ProducerDispatchRow = typeof producerDispatches.$inferSelect;
