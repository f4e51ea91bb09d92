import { member } from "@lotbridge/auth/tables";
import { columnType, VOLUME } from "@lotbridge/contract/limits";
import { sql } from "drizzle-orm";
import { date, index, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

const moment = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A producer's marketplace filters kept under a name. It belongs to one membership (a person in an organization):
 * removing the person deletes the membership and, by the cascade, their searches and alerts. A null filter is "any".
 * `q_patterns` and `location_patterns` are the filter's words as `ilike` patterns (`%word%`, escaped), computed once
 * on saving, so matching a newly published lot against every search is one `ilike all` per row.
 */
export const savedSearches = pgTable(
  "saved_search",
  {
    id: text("id").primaryKey(),
    memberId: text("member_id")
      .notNull()
      .references(() => member.id, { onDelete: "cascade" }),
    organizationId: text("organization_id").notNull(),
    name: text("name").notNull(),
    q: text("q"),
    commodity: text("commodity"),
    location: text("location"),
    deliveryFrom: date("delivery_from"),
    deliveryTo: date("delivery_to"),
    minVolume: numeric("min_volume", columnType(VOLUME)),
    maxVolume: numeric("max_volume", columnType(VOLUME)),
    qPatterns: text("q_patterns").array().notNull().default(sql`'{}'`),
    locationPatterns: text("location_patterns").array().notNull().default(sql`'{}'`),
    createdAt: moment("created_at").notNull().defaultNow(),
  },
  (table) => [
    // One name per person: "Barley near Hamburg" twice would be two rows nobody can tell apart.
    uniqueIndex("saved_search_member_name_idx").on(table.memberId, sql`lower(${table.name})`),
  ],
);

/**
 * That a member was told about a lot: at most one row per (membership, lot), written in the transaction that applies
 * the lot's snapshot, so a redelivered webhook, the feed replaying it, a re-opening or two of the member's searches
 * matching the same lot never tell them twice.
 */
export const savedSearchAlerts = pgTable(
  "saved_search_alert",
  {
    memberId: text("member_id")
      .notNull()
      .references(() => member.id, { onDelete: "cascade" }),
    lotId: text("lot_id").notNull(),
    /** The search that matched first; null once that search is deleted (the alert still happened). */
    savedSearchId: text("saved_search_id").references(() => savedSearches.id, { onDelete: "set null" }),
    createdAt: moment("created_at").notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.memberId, table.lotId] }),
    // The home page's "new lots for your searches", newest first.
    index("saved_search_alert_member_created_idx").on(table.memberId, table.createdAt),
  ],
);

export type SavedSearchRow = typeof savedSearches.$inferSelect;

/** What a person sees of a saved search: everything but the patterns derived for matching. */
export const savedSearchColumns = {
  id: savedSearches.id,
  name: savedSearches.name,
  q: savedSearches.q,
  commodity: savedSearches.commodity,
  location: savedSearches.location,
  deliveryFrom: savedSearches.deliveryFrom,
  deliveryTo: savedSearches.deliveryTo,
  minVolume: savedSearches.minVolume,
  maxVolume: savedSearches.maxVolume,
  createdAt: savedSearches.createdAt,
};

export type SavedSearch = Pick<SavedSearchRow, keyof typeof savedSearchColumns>;
