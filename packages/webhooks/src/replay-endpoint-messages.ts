import type { Database } from "@lotbridge/db/database";
import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { OUTBOX_CHANNEL } from "./outbox-channel";
import { outboxMessage } from "./tables";

export interface ReplayRange {
  /** Messages created at or after this moment… */
  since: Date;
  /** …and before this one. */
  until: Date;
  /** Also send again what was delivered, e.g. to a receiver that lost its data; dead messages only by default. */
  includeDelivered?: boolean;
}

/**
 * Sends again every webhook to one endpoint created in the range that was given up on (and, if asked, delivered),
 * now, with a fresh retry schedule. They keep their ids and event ids, so a receiver that already has one
 * acknowledges it as a duplicate. Pending messages are on their way already; cancelled ones were stopped on purpose.
 * Returns how many were queued again.
 */
export async function replayEndpointMessages(db: Database, endpointId: string, range: ReplayRange): Promise<number> {
  const statuses = range.includeDelivered ? ["dead", "delivered"] : ["dead"];
  return db.transaction(async (tx) => {
    const replayed = await tx
      .update(outboxMessage)
      .set({ status: "pending", attempts: 0, nextAttemptAt: sql`now()`, leaseUntil: null, deliveredAt: null })
      .where(
        and(
          eq(outboxMessage.kind, "webhook"),
          eq(outboxMessage.destination, endpointId),
          gte(outboxMessage.createdAt, range.since),
          lt(outboxMessage.createdAt, range.until),
          inArray(outboxMessage.status, statuses as ("dead" | "delivered")[]),
        ),
      )
      .returning({ id: outboxMessage.id });
    if (replayed.length > 0) await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
    return replayed.length;
  });
}
