import type { Database } from "@lotbridge/db/database";
import { and, eq, inArray, sql } from "drizzle-orm";
import { OUTBOX_CHANNEL } from "./outbox-channel";
import { type OutboxMessage, outboxMessage } from "./tables";

export type ReplayResult =
  | { replayed: true; message: OutboxMessage }
  | { replayed: false; reason: "not-found" | "pending" };

/**
 * Sends a dead, delivered or cancelled message again, now, with a fresh retry schedule. Its earlier attempts stay in
 * the delivery log. A message still pending is already on its way and is left alone.
 */
export async function replayMessage(db: Database, id: string): Promise<ReplayResult> {
  return db.transaction(async (tx) => {
    const [message] = await tx
      .update(outboxMessage)
      .set({ status: "pending", attempts: 0, nextAttemptAt: sql`now()`, leaseUntil: null, deliveredAt: null })
      .where(and(eq(outboxMessage.id, id), inArray(outboxMessage.status, ["dead", "delivered", "cancelled"])))
      .returning();
    if (!message) {
      const [existing] = await tx.select({ id: outboxMessage.id }).from(outboxMessage).where(eq(outboxMessage.id, id));
      return { replayed: false, reason: existing ? "pending" : "not-found" };
    }
    await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
    return { replayed: true, message };
  });
}
