import type { Database } from "@lotbridge/db/database";
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { type AttemptReport, attemptRow, type OutcomeHooks, recordHookFailure, runHook } from "./record-outcome";
import type { RetryPlan } from "./retry-schedule";
import { deliveryAttempt, type OutboxMessage, outboxMessage, webhookEndpoint } from "./tables";

/**
 * recordOutcome for many delivered attempts in one transaction of a few statements, instead of one transaction each:
 * the dispatcher's throughput was its commits. Each message is still fenced by its own attempt number (a message
 * whose lease another dispatcher has taken over is logged, not moved on), each hook runs in its own savepoint and a
 * hook that throws is handled as recordOutcome handles it, for that message alone. Returns, in the order given, each
 * message's new state or undefined when its attempt no longer held it. Failed attempts are recorded one by one
 * (recordOutcome): they are rarer and each needs its own retry time and health check.
 */
export async function recordDeliveries(
  db: Database,
  reports: AttemptReport[],
  plan: RetryPlan,
  hooks: OutcomeHooks,
): Promise<(OutboxMessage | undefined)[]> {
  if (reports.some((report) => report.result.outcome !== "delivered")) {
    throw new Error("recordDeliveries records delivered attempts only.");
  }
  if (reports.length === 0) return [];
  // One parameter for the whole batch: the attempt each message was claimed for and the status its receiver answered.
  const held = JSON.stringify(
    Object.fromEntries(
      reports.map(({ message, result }) => [message.id, { attempts: message.attempts, status: result.status ?? null }]),
    ),
  );
  return db.transaction(async (tx) => {
    await tx.insert(deliveryAttempt).values(reports.map(attemptRow));
    const endpointIds = [...new Set(reports.flatMap(({ result }) => (result.endpointId ? [result.endpointId] : [])))];
    if (endpointIds.length > 0) {
      // A delivery stops the failing clock (track-endpoint-health.ts), whatever became of the message itself.
      await tx
        .update(webhookEndpoint)
        .set({ failingSince: null })
        .where(and(inArray(webhookEndpoint.id, endpointIds), isNotNull(webhookEndpoint.failingSince)));
    }
    const updated = await tx
      .update(outboxMessage)
      .set({
        status: "delivered",
        deliveredAt: sql`now()`,
        leaseUntil: null,
        lastStatus: sql`(${held}::jsonb -> ${outboxMessage.id} ->> 'status')::int`,
        lastError: null,
      })
      .where(
        and(
          eq(outboxMessage.status, "pending"),
          sql`(${outboxMessage.id}, ${outboxMessage.attempts}) in (
            select key, (value ->> 'attempts')::int from jsonb_each(${held}::jsonb))`,
        ),
      )
      .returning();
    const byId = new Map(updated.map((message) => [message.id, message]));
    const outcomes: (OutboxMessage | undefined)[] = [];
    for (const { message, result } of reports) {
      const delivered = byId.get(message.id);
      // Two attempts of one message in a batch (a lease ran out in between): only the one that holds it moves it on.
      if (!delivered || delivered.attempts !== message.attempts) {
        outcomes.push(undefined);
        continue;
      }
      const failure = await runHook(tx, hooks.onDelivered, delivered, result);
      outcomes.push(
        failure === undefined ? delivered : await recordHookFailure(tx, delivered, result, failure, plan, hooks),
      );
    }
    return outcomes;
  });
}
