import type { Database } from "@lotbridge/db/database";
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { notification, type UserNotification } from "./tables";

/**
 * The membership's notifications created after `afterId` (all of them for null), oldest first: what a reconnecting
 * stream missed. An id that is not the membership's yields nothing rather than the whole history.
 */
export async function notificationsSince(
  db: Database,
  memberId: string,
  afterId: string | null,
  limit = 100,
): Promise<UserNotification[]> {
  const conditions: SQL[] = [eq(notification.memberId, memberId)];
  if (afterId !== null) {
    conditions.push(
      sql`(${notification.createdAt}, ${notification.id}) > (select c.created_at, c.id from ${notification} c where c.id = ${afterId} and c.member_id = ${memberId})`,
    );
  }
  return db
    .select()
    .from(notification)
    .where(and(...conditions))
    .orderBy(asc(notification.createdAt), asc(notification.id))
    .limit(limit);
}
