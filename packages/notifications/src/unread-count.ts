import type { Database } from "@lotbridge/db/database";
import { and, count, eq, isNull } from "drizzle-orm";
import { notification } from "./tables";

/** The number on the bell. Counted, never stored, so it cannot drift from the rows under concurrent writes. */
export async function unreadCount(db: Database, memberId: string): Promise<number> {
  const [row] = await db
    .select({ unread: count() })
    .from(notification)
    .where(and(eq(notification.memberId, memberId), isNull(notification.readAt)));
  return row.unread;
}
