import { organization, user } from "@lotbridge/auth/tables";
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

const moment = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A producer platform the buyer portal serves (our producer portal, a cooperative's dashboard, a broker): a
 * subscriber with its API keys and webhook endpoints. It sees every lot, and only its own bids and contracts.
 */
export const producerPlatforms = pgTable("producer_platform", {
  id: text("id").primaryKey(),
  name: text("name").notNull().unique(),
  createdAt: moment("created_at").notNull().defaultNow(),
  createdBy: text("created_by").references(() => user.id),
});

export type ProducerPlatformRow = typeof producerPlatforms.$inferSelect;

/**
 * Keys presented as X-API-Key. A platform key (platform set) is a producer platform's; an organization key
 * (organizationId set) is a buyer organization's own systems' (ERP, weighbridge). Only a SHA-256 of each key is stored.
 */
export const apiKeys = pgTable(
  "api_key",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    /** The first characters of the key, shown so people can tell keys apart; not enough to use it. */
    prefix: text("prefix").notNull(),
    hash: text("hash").notNull().unique(),
    scopes: text("scopes").array().notNull(),
    /** The producer platform that owns the key, for a platform key. */
    platform: text("platform").references(() => producerPlatforms.id),
    /** The buyer organization that owns the key, for an organization key. */
    organizationId: text("organization_id").references(() => organization.id, { onDelete: "cascade" }),
    createdAt: moment("created_at").notNull().defaultNow(),
    createdBy: text("created_by").references(() => user.id),
    lastUsedAt: moment("last_used_at"),
    /** Set when a rotation replaced the key: it keeps working until then. */
    expiresAt: moment("expires_at"),
    revokedAt: moment("revoked_at"),
  },
  (table) => [
    index("api_key_platform_idx").on(table.platform),
    index("api_key_organization_idx").on(table.organizationId),
    check("api_key_one_owner", sql`(${table.platform} is null) <> (${table.organizationId} is null)`),
  ],
);

/** Every event ever sent to the producer portal, numbered in commit order: the feed behind GET /api/events. */
export const integrationEvents = pgTable(
  "integration_event",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    /**
     * The writing transaction's id (pg_current_xact_id). The feed is ordered by (tx, seq) and shows only events whose
     * transaction is older than every transaction still in flight, so no event can appear behind a reader's cursor
     * (docs/decisions/0016). Events written before this column existed have 0 and keep their sequence order.
     */
    tx: bigint("tx", { mode: "number" }).notNull().default(sql`(pg_current_xact_id()::text)::bigint`),
    id: text("id").notNull().unique(),
    type: text("type").notNull(),
    /** The only platform that may see this event (its bid, its contract); null: every platform (lots). */
    platform: text("platform").references(() => producerPlatforms.id),
    createdAt: moment("created_at").notNull().defaultNow(),
    envelope: jsonb("envelope").notNull(),
  },
  (table) => [
    index("integration_event_type_idx").on(table.type),
    index("integration_event_platform_seq_idx").on(table.platform, table.seq),
    index("integration_event_feed_idx").on(table.tx, table.seq),
  ],
);

/** The first answer to each (API key, Idempotency-Key), replayed for any repeat of the same request. */
export const idempotencyRecords = pgTable(
  "idempotency_record",
  {
    apiKeyId: text("api_key_id")
      .notNull()
      .references(() => apiKeys.id),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer("status").notNull(),
    body: jsonb("body").notNull(),
    createdAt: moment("created_at").notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.apiKeyId, table.key] })],
);

/** Answers to pings: the producer portal calls back when a `ping` webhook reached it. */
export const pongs = pgTable("pong", {
  pingEventId: text("ping_event_id").primaryKey(),
  apiKeyId: text("api_key_id")
    .notNull()
    .references(() => apiKeys.id),
  receivedAt: moment("received_at").notNull().defaultNow(),
});
