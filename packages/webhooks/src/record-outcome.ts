import type { Database, Transaction } from "@lotbridge/db/database";
import { newId } from "@lotbridge/db/new-id";
import { and, eq, sql } from "drizzle-orm";
import { type RetryPlan, retryDelay } from "./retry-schedule";
import { deliveryAttempt, type OutboxMessage, outboxMessage } from "./tables";
import { trackEndpointHealth } from "./track-endpoint-health";
import type { SendResult } from "./transport";

export type OutcomeHook = (tx: Transaction, message: OutboxMessage, result: SendResult) => Promise<void>;

/** Run inside the transaction that records the outcome: their effects and the outcome commit together or not at all. */
export interface OutcomeHooks {
  onDelivered?: OutcomeHook;
  /** The receiver refused for good; the message is dead without waiting for its schedule. */
  onRefused?: OutcomeHook;
  /** The schedule ran out. */
  onDead?: OutcomeHook;
}

export interface AttemptReport {
  /** The message as claimed for this attempt. */
  message: OutboxMessage;
  result: SendResult;
  startedAt: Date;
  latencyMs: number;
}

const EXCERPT_LENGTH = 500;
const ERROR_LENGTH = 1000;

/**
 * Logs the attempt and moves the message on: delivered, dead, or pending again at its next retry time.
 * Returns the message's new state, or undefined when this attempt no longer holds the message (the lease ran out and
 * another dispatcher claimed it, or it was cancelled): the attempt is logged, but the newer holder decides its fate.
 */
export async function recordOutcome(
  db: Database,
  report: AttemptReport,
  plan: RetryPlan,
  hooks: OutcomeHooks,
): Promise<OutboxMessage | undefined> {
  const { message, result } = report;
  const error = result.error?.slice(0, ERROR_LENGTH) ?? null;
  const lastStatus = result.status ?? null;
  const delay = result.outcome === "retry" ? retryDelay(message.attempts, plan, result.retryAfterMs) : undefined;
  const dead = result.outcome === "refused" || (result.outcome === "retry" && delay === undefined);

  return db.transaction(async (tx) => {
    await tx.insert(deliveryAttempt).values(attemptRow(report));
    await trackEndpointHealth(tx, result, report.startedAt);
    const [updated] = await tx
      .update(outboxMessage)
      .set(
        result.outcome === "delivered"
          ? { status: "delivered", deliveredAt: sql`now()`, leaseUntil: null, lastStatus, lastError: null }
          : dead
            ? { status: "dead", leaseUntil: null, lastStatus, lastError: error }
            : {
                nextAttemptAt: sql`now() + make_interval(secs => ${(delay ?? 0) / 1000})`,
                leaseUntil: null,
                lastStatus,
                lastError: error,
              },
      )
      .where(
        and(
          eq(outboxMessage.id, message.id),
          eq(outboxMessage.status, "pending"),
          eq(outboxMessage.attempts, message.attempts),
        ),
      )
      .returning();
    if (!updated) return undefined;
    const hook =
      result.outcome === "delivered"
        ? hooks.onDelivered
        : result.outcome === "refused"
          ? hooks.onRefused
          : dead
            ? hooks.onDead
            : undefined;
    const failure = await runHook(tx, hook, updated, result);
    return failure === undefined ? updated : recordHookFailure(tx, updated, result, failure, plan, hooks);
  });
}

/** The delivery log's row for one attempt. */
export function attemptRow({
  message,
  result,
  startedAt,
  latencyMs,
}: AttemptReport): typeof deliveryAttempt.$inferInsert {
  return {
    id: newId("att"),
    messageId: message.id,
    attemptNumber: message.attempts,
    startedAt,
    statusCode: result.status ?? null,
    latencyMs,
    error: result.error?.slice(0, ERROR_LENGTH) ?? null,
    responseExcerpt: result.responseExcerpt?.slice(0, EXCERPT_LENGTH) ?? null,
    outcome: result.outcome === "retry" ? "failed" : result.outcome,
  };
}

/** Runs a hook in a savepoint, so that a hook that throws undoes only its own effects; returns what it threw. */
export async function runHook(
  tx: Transaction,
  hook: OutcomeHook | undefined,
  message: OutboxMessage,
  result: SendResult,
) {
  if (!hook) return undefined;
  try {
    await tx.transaction((savepoint) => hook(savepoint, message, result));
    return undefined;
  } catch (error) {
    return `The answer could not be recorded: ${error instanceof Error ? error.message : String(error)}`.slice(
      0,
      ERROR_LENGTH,
    );
  }
}

/**
 * A hook that throws must not undo the outcome: the lease would run out and the message be sent again every lease,
 * past its schedule, never dead. A delivered message whose answer could not be recorded counts as a failed attempt
 * (retried on schedule; the receiver's idempotency gives the same answer again) and ends dead, with onDead, when the
 * schedule runs out; a message that was already dead stays dead. Either way the reason is its last error.
 */
export async function recordHookFailure(
  tx: Transaction,
  message: OutboxMessage,
  result: SendResult,
  reason: string,
  plan: RetryPlan,
  hooks: OutcomeHooks,
): Promise<OutboxMessage> {
  await tx
    .update(deliveryAttempt)
    .set({ outcome: "failed", error: reason })
    .where(and(eq(deliveryAttempt.messageId, message.id), eq(deliveryAttempt.attemptNumber, message.attempts)));
  const delay = result.outcome === "delivered" ? retryDelay(message.attempts, plan) : undefined;
  const [updated] = await tx
    .update(outboxMessage)
    .set(
      delay === undefined
        ? { status: "dead", deliveredAt: null, lastError: reason }
        : {
            status: "pending",
            deliveredAt: null,
            nextAttemptAt: sql`now() + make_interval(secs => ${delay / 1000})`,
            lastError: reason,
          },
    )
    .where(eq(outboxMessage.id, message.id))
    .returning();
  if (delay === undefined && result.outcome === "delivered") {
    // Told why it ended; if even that fails, the message is dead all the same, its last error saying why.
    await runHook(tx, hooks.onDead, updated, { ...result, outcome: "retry", error: reason });
  }
  return updated;
}
