import type { Database } from "@lotbridge/db/database";
import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { type OutboxMessage, outboxMessage, webhookEndpoint } from "./tables";

export interface ClaimOptions {
  /** Only messages this dispatcher has a transport for. */
  kinds: string[];
  limit: number;
  leaseMs: number;
}

/**
 * Takes due messages for one attempt each, in one statement. SKIP LOCKED lets concurrent dispatchers take disjoint
 * rows without waiting; the lease keeps a taken message from being taken again while it is being sent, and lets it
 * be taken again once the lease runs out (its sender died). Counting the attempt here makes `attempts` a fencing
 * token: only the holder of the current attempt may record its outcome. Webhooks for a disabled endpoint are not
 * taken at all, so they neither burn attempts nor die while an admin looks into why the receiver said 410 Gone.
 */
export async function claimMessages(db: Database, options: ClaimOptions): Promise<OutboxMessage[]> {
  if (options.kinds.length === 0 || options.limit <= 0) return [];
  const due = db.$with("due").as(
    db
      .select({ id: outboxMessage.id })
      .from(outboxMessage)
      .where(
        and(
          eq(outboxMessage.status, "pending"),
          lte(outboxMessage.nextAttemptAt, sql`now()`),
          or(isNull(outboxMessage.leaseUntil), lte(outboxMessage.leaseUntil, sql`now()`)),
          inArray(outboxMessage.kind, options.kinds),
          // A disabled endpoint's webhooks wait, attempts untouched, until an admin enables it again.
          sql`not (${outboxMessage.kind} = 'webhook' and exists (
            select 1 from ${webhookEndpoint}
            where ${webhookEndpoint.id} = ${outboxMessage.destination} and not ${webhookEndpoint.enabled}))`,
        ),
      )
      .orderBy(asc(outboxMessage.nextAttemptAt))
      .limit(options.limit)
      .for("update", { skipLocked: true }),
  );
  return db
    .with(due)
    .update(outboxMessage)
    .set({
      attempts: sql`${outboxMessage.attempts} + 1`,
      leaseUntil: sql`now() + make_interval(secs => ${options.leaseMs / 1000})`,
    })
    .where(inArray(outboxMessage.id, db.select({ id: due.id }).from(due)))
    .returning();
}
