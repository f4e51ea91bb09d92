import { sql } from "drizzle-orm";
import { boolean, index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

// Every table of the notification library. A portal includes them in its own drizzle schema
// (`export * from "@lotbridge/notifications/tables"`). People are referenced by their auth ids as plain text, so the
// library needs no knowledge of the auth tables.
//
// What a person reads and sets here belongs to their membership (`member_id`: one person in one organization), not
// to their user: removing someone from an organization ends their membership for good, and whoever gives the same
// email an account later (another organization, or the same one) starts a new membership that matches none of these
// rows. See docs/notifications.md "Whose notifications".

const moment = (name: string) => timestamp(name, { withTimezone: true });

export const notification = pgTable(
  "notification",
  {
    id: text("id").primaryKey(),
    recipientUserId: text("recipient_user_id").notNull(),
    organizationId: text("organization_id").notNull(),
    /** The recipient's membership; every read and change goes by it. Null only on rows of a membership that had
     * already ended when memberships were first recorded here: nobody reads those. */
    memberId: text("member_id"),
    type: text("type").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    // clock_timestamp(), not now(): rows inserted one after another in one transaction still sort in that order,
    // and (created_at, id) is the order of catch-up after a reconnect.
    createdAt: moment("created_at").notNull().default(sql`clock_timestamp()`),
    readAt: moment("read_at"),
  },
  (table) => [
    // NULLS FIRST is what `order by … desc` means, so the newest-first listing reads the index in order.
    index("notification_member_created_idx").on(
      table.memberId,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    // The bell's count reads only unread rows; the partial index stays as small as what is left to read.
    index("notification_member_unread_idx")
      .on(table.memberId, table.createdAt.desc().nullsFirst())
      .where(sql`${table.readAt} is null`),
  ],
);

export const notificationPreference = pgTable(
  "notification_preference",
  {
    memberId: text("member_id").notNull(),
    type: text("type").notNull(),
    email: boolean("email").notNull(),
  },
  (table) => [primaryKey({ columns: [table.memberId, table.type] })],
);

/** Mail caught locally when no SMTP server is configured, for developers to read instead of an inbox. */
export const devMailbox = pgTable(
  "dev_mailbox",
  {
    id: text("id").primaryKey(),
    /** The To header as it would have been sent, e.g. `Ana Silva <ana@mill.test>`. */
    to: text("to").notNull(),
    /** The bare recipient address, lower case: the mailbox is matched on it exactly. */
    address: text("address").notNull(),
    /** The recipient's membership, when the mail was for one (every notification email is). */
    memberId: text("member_id"),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    createdAt: moment("created_at").notNull().defaultNow(),
  },
  (table) => [index("dev_mailbox_member_idx").on(table.memberId, table.createdAt.desc().nullsFirst())],
);

export type UserNotification = typeof notification.$inferSelect;
export type DevMail = typeof devMailbox.$inferSelect;
