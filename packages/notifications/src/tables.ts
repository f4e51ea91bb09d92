import { sql } from "drizzle-orm";
import { boolean, index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

// Every table of the notification library. A portal includes them in its own drizzle schema
// (`export * from "@lotbridge/notifications/tables"`). Users are referenced by their auth id as plain text, so the
// library needs no knowledge of the auth tables.

const moment = (name: string) => timestamp(name, { withTimezone: true });

export const notification = pgTable(
  "notification",
  {
    id: text("id").primaryKey(),
    recipientUserId: text("recipient_user_id").notNull(),
    organizationId: text("organization_id").notNull(),
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
    index("notification_recipient_created_idx").on(
      table.recipientUserId,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    // The bell's count reads only unread rows; the partial index stays as small as what is left to read.
    index("notification_unread_idx")
      .on(table.recipientUserId, table.createdAt.desc().nullsFirst())
      .where(sql`${table.readAt} is null`),
  ],
);

export const notificationPreference = pgTable(
  "notification_preference",
  {
    userId: text("user_id").notNull(),
    type: text("type").notNull(),
    email: boolean("email").notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.type] })],
);

/** Mail caught locally when no SMTP server is configured, for developers to read instead of an inbox. */
export const devMailbox = pgTable("dev_mailbox", {
  id: text("id").primaryKey(),
  to: text("to").notNull(),
  subject: text("subject").notNull(),
  text: text("text").notNull(),
  html: text("html").notNull(),
  createdAt: moment("created_at").notNull().defaultNow(),
});

export type UserNotification = typeof notification.$inferSelect;
export type DevMail = typeof devMailbox.$inferSelect;
