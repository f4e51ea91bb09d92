import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Small facts the integration keeps between runs, one row per key: where reconciliation stopped reading the buyer
 * portal's events feed, and how its last run went. `updatedAt` says when each fact was last written.
 */
export const integrationState = pgTable("integration_state", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
