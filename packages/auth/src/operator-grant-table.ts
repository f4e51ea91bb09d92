import { pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { member } from "./tables";

/**
 * Who runs the portal itself (the integration, API keys, the signing secret, replays): a grant to one membership.
 * It is a table of its own rather than a column on better-auth's `member` so that better-auth's organization plugin
 * never reads or writes it, and so that it records who granted it and when. The foreign key deletes it with the
 * membership: a person removed from their organization, and the same email admitted again anywhere, holds no grant.
 */
export const operatorGrant = pgTable("operator_grant", {
  memberId: text("member_id")
    .primaryKey()
    .references(() => member.id, { onDelete: "cascade" }),
  grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
  /** How it was granted, for the record: `OPERATORS` (at start) or the command that did it. */
  grantedBy: text("granted_by").notNull(),
});
