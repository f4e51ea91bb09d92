import type { Database } from "@lotbridge/db/database";
import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { notification } from "./tables";

/**
 * Marks the membership's notifications read: the given ids, or all of them. Ids of other memberships' notifications
 * (another person's, or the same person's in an organization they have left) are ignored, so a forged id changes
 * nothing. Returns how many were unread before.
 */
export async function markRead(db: Database, memberId: string, ids: readonly string[] | "all"): Promise<number> {
  if (ids !== "all" && ids.length === 0) return 0;
  const conditions: SQL[] = [eq(notification.memberId, memberId), isNull(notification.readAt)];
  if (ids !== "all") conditions.push(inArray(notification.id, [...ids]));
  const marked = await db
    .update(notification)
    .set({ readAt: sql`now()` })
    .where(and(...conditions))
    .returning({ id: notification.id });
  return marked.length;
}
