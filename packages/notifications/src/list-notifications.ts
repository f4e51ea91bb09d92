import type { Database } from "@lotbridge/db/database";
import { and, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import { notification, type UserNotification } from "./tables";

export interface ListNotificationsOptions {
  unreadOnly?: boolean;
  type?: string;
  /** The id of the last notification of the previous page: the page continues with older ones. */
  before?: string;
  limit: number;
}

export interface NotificationPage {
  notifications: UserNotification[];
  /** Pass as `before` for the next page; null on the last page. */
  nextBefore: string | null;
}

const LARGEST_PAGE = 100;

/**
 * A membership's notifications, newest first. Paging is by position (created_at, id) rather than offset, so a
 * notification arriving while someone pages neither repeats nor skips a row.
 */
export async function listNotifications(
  db: Database,
  memberId: string,
  options: ListNotificationsOptions,
): Promise<NotificationPage> {
  const limit = Math.min(Math.max(Math.trunc(options.limit), 1), LARGEST_PAGE);
  const conditions: SQL[] = [eq(notification.memberId, memberId)];
  if (options.unreadOnly) conditions.push(isNull(notification.readAt));
  if (options.type) conditions.push(eq(notification.type, options.type));
  if (options.before) {
    // Compared in SQL: the cursor's created_at has microseconds that a JavaScript Date would round away.
    conditions.push(
      sql`(${notification.createdAt}, ${notification.id}) < (select c.created_at, c.id from ${notification} c where c.id = ${options.before} and c.member_id = ${memberId})`,
    );
  }
  const rows = await db
    .select()
    .from(notification)
    .where(and(...conditions))
    .orderBy(desc(notification.createdAt), desc(notification.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { notifications: page, nextBefore: rows.length > limit ? page[page.length - 1].id : null };
}
