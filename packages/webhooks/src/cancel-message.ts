import type { Database } from "@lotbridge/db/database";
import { and, eq } from "drizzle-orm";
import { outboxMessage } from "./tables";

/**
 * Stops a pending message from being sent (again). An attempt already on the wire still finishes and is logged,
 * but cannot move the message out of `cancelled`. Returns false when there was no pending message with this id.
 */
export async function cancelMessage(db: Database, id: string): Promise<boolean> {
  const cancelled = await db
    .update(outboxMessage)
    .set({ status: "cancelled", leaseUntil: null })
    .where(and(eq(outboxMessage.id, id), eq(outboxMessage.status, "pending")))
    .returning({ id: outboxMessage.id });
  return cancelled.length > 0;
}
