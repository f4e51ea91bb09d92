import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// Every table of the delivery library. A service includes them in its own drizzle schema
// (`export * from "@lotbridge/webhooks/tables"`) so that its migrations create them beside its own tables.

const moment = (name: string) => timestamp(name, { withTimezone: true });

export type OutboxStatus = "pending" | "delivered" | "dead" | "cancelled";
export type AttemptOutcome = "delivered" | "failed" | "refused";

export const outboxMessage = pgTable(
  "outbox_message",
  {
    id: text("id").primaryKey(),
    kind: text("kind").notNull(),
    destination: text("destination").notNull(),
    eventId: text("event_id"),
    eventType: text("event_type"),
    payload: jsonb("payload").notNull(),
    status: text("status").$type<OutboxStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: moment("next_attempt_at").notNull().defaultNow(),
    leaseUntil: moment("lease_until"),
    lastError: text("last_error"),
    lastStatus: integer("last_status"),
    createdAt: moment("created_at").notNull().defaultNow(),
    deliveredAt: moment("delivered_at"),
  },
  (table) => [
    // The dispatcher's claim reads only due pending messages; the partial index stays as small as the backlog.
    index("outbox_message_due_idx").on(table.nextAttemptAt).where(sql`${table.status} = 'pending'`),
    index("outbox_message_status_created_idx").on(table.status, table.createdAt),
    // An endpoint's messages (its health, a replay of a time range) and the lookup of one event's messages.
    index("outbox_message_destination_created_idx").on(table.destination, table.createdAt),
    index("outbox_message_event_idx").on(table.eventId),
    check("outbox_message_status_check", sql`${table.status} in ('pending', 'delivered', 'dead', 'cancelled')`),
  ],
);

export const deliveryAttempt = pgTable(
  "delivery_attempt",
  {
    id: text("id").primaryKey(),
    messageId: text("message_id")
      .notNull()
      .references(() => outboxMessage.id, { onDelete: "cascade" }),
    attemptNumber: integer("attempt_number").notNull(),
    startedAt: moment("started_at").notNull(),
    statusCode: integer("status_code"),
    latencyMs: integer("latency_ms").notNull(),
    error: text("error"),
    responseExcerpt: text("response_excerpt"),
    outcome: text("outcome").$type<AttemptOutcome>().notNull(),
  },
  (table) => [
    index("delivery_attempt_message_idx").on(table.messageId, table.startedAt),
    check("delivery_attempt_outcome_check", sql`${table.outcome} in ('delivered', 'failed', 'refused')`),
  ],
);

export const webhookEndpoint = pgTable("webhook_endpoint", {
  id: text("id").primaryKey(),
  /** Whose endpoint this is, e.g. a producer platform's id: the service decides which messages each subscriber gets. */
  subscriber: text("subscriber"),
  url: text("url").notNull(),
  /** The event types sent here; null sends every type the subscriber may see. */
  eventTypes: text("event_types").array(),
  secret: text("secret").notNull(),
  previousSecret: text("previous_secret"),
  previousSecretExpiresAt: moment("previous_secret_expires_at"),
  enabled: boolean("enabled").notNull().default(true),
  disabledReason: text("disabled_reason"),
  /** Since when every attempt to this endpoint has failed; null while it delivers. Long enough, and it is disabled. */
  failingSince: moment("failing_since"),
  createdAt: moment("created_at").notNull().defaultNow(),
  updatedAt: moment("updated_at").notNull().defaultNow(),
});

export type InboxStatus = "applied" | "ignored" | "failed" | "refused";

/**
 * Every message received, by id, whichever way it came (webhook or feed): a second copy is acknowledged and skipped.
 * A message that could not be applied is kept as `failed` with its reason and body, tried again a bounded number of
 * times, and can be replayed; `refused` is one that must never be applied (it is not ours to apply).
 */
export const inboxMessage = pgTable(
  "inbox_message",
  {
    webhookId: text("webhook_id").primaryKey(),
    eventType: text("event_type").notNull(),
    receivedAt: moment("received_at").notNull().defaultNow(),
    status: text("status").$type<InboxStatus>().notNull().default("applied"),
    attempts: integer("attempts").notNull().default(1),
    lastError: text("last_error"),
    /** The message as received, kept while it is failed or refused, so it can be shown and replayed. */
    envelope: jsonb("envelope"),
    updatedAt: moment("updated_at").notNull().defaultNow(),
  },
  (table) => [
    index("inbox_message_received_idx").on(table.receivedAt),
    index("inbox_message_unapplied_idx")
      .on(table.status, table.updatedAt)
      .where(sql`${table.status} in ('failed', 'refused')`),
    check("inbox_message_status_check", sql`${table.status} in ('applied', 'ignored', 'failed', 'refused')`),
  ],
);

export type OutboxMessage = typeof outboxMessage.$inferSelect;
export type DeliveryAttempt = typeof deliveryAttempt.$inferSelect;
export type WebhookEndpoint = typeof webhookEndpoint.$inferSelect;
export type InboxMessage = typeof inboxMessage.$inferSelect;
