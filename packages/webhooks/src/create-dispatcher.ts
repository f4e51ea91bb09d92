import type { Database } from "@lotbridge/db/database";
import { newId } from "@lotbridge/db/new-id";
import { batchCalls } from "./batch-calls";
import { claimMessages } from "./claim-messages";
import { listenForMessages, type OutboxListener } from "./listen-for-messages";
import { recordDeliveries } from "./record-deliveries";
import { type AttemptReport, type OutcomeHooks, recordOutcome } from "./record-outcome";
import { DEFAULT_RETRY_SCHEDULE } from "./retry-schedule";
import { runWithDeadline } from "./run-with-deadline";
import { deliveryAttempt, type OutboxMessage } from "./tables";
import type { SendResult, Transport } from "./transport";

export interface DispatcherOptions extends OutcomeHooks {
  db: Database;
  /** For the dedicated LISTEN connection; the same database as `db`. */
  databaseUrl: string;
  /** One transport per message kind; messages of other kinds are left for dispatchers that have one. */
  transports: Record<string, Transport>;
  /** Delay before each attempt, in milliseconds; its length is the number of attempts. */
  schedule?: readonly number[];
  /** Multiplies the schedule, e.g. 0.001 in tests. */
  scheduleScale?: number;
  /** How long a claimed message is reserved for one send; longer than any transport's timeout. */
  leaseMs?: number;
  /** A safety net beside LISTEN: due retries and missed notifications are found at this pace. */
  pollIntervalMs?: number;
  /** Sends in flight at once. */
  concurrency?: number;
  /** Failures of the dispatcher itself (database, listener); delivery failures go to the delivery log instead. */
  onError?: (error: unknown) => void;
}

export interface Dispatcher {
  /** Listens and polls until stopped; resolves once listening (or once listening failed; polling goes on). */
  start(): Promise<void>;
  /** Stops taking messages and waits for the sends in flight to be recorded. */
  stop(): Promise<void>;
  /** Claims what is due now, sends it, records it; resolves with the number of messages attempted. */
  runOnce(): Promise<number>;
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { db, transports } = options;
  const kinds = Object.keys(transports);
  const plan = { schedule: options.schedule ?? DEFAULT_RETRY_SCHEDULE, scale: options.scheduleScale ?? 1 };
  const leaseMs = options.leaseMs ?? 60_000;
  const concurrency = options.concurrency ?? 10;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const onError = options.onError ?? (() => {});
  const inFlight = new Set<Promise<void>>();
  let stopped = true;
  let pumping: Promise<void> | undefined;
  let wakeAgain = false;
  let pollTimer: NodeJS.Timeout | undefined;
  let listener: OutboxListener | undefined;
  // Deliveries finishing while earlier ones are being recorded are recorded together, in one transaction.
  const recordDelivered = batchCalls(async (reports: AttemptReport[]) => {
    try {
      const outcomes = await recordDeliveries(db, reports, plan, options);
      return outcomes.map((value) => ({ status: "fulfilled" as const, value }));
    } catch (error) {
      // One message the batch could not record must not keep the others from being recorded: each on its own.
      onError(error);
      return Promise.allSettled(reports.map((report) => recordOutcome(db, report, plan, options)));
    }
  });

  async function deliver(message: OutboxMessage): Promise<void> {
    const startedAt = new Date();
    const started = performance.now();
    let result: SendResult;
    try {
      // Stop sending before the lease runs out, so that no other dispatcher sends while this one still is.
      result = await runWithDeadline(leaseMs * 0.9, undefined, (signal) =>
        transports[message.kind].send(message, signal),
      );
    } catch (error) {
      result = { outcome: "retry", error: `The ${message.kind} transport failed: ${describe(error)}` };
    }
    const latencyMs = result.latencyMs ?? Math.round(performance.now() - started);
    const report = { message, result, startedAt, latencyMs };
    try {
      const recorded =
        result.outcome === "delivered" ? await recordDelivered(report) : await recordOutcome(db, report, plan, options);
      const retryIn = recorded?.status === "pending" ? recorded.nextAttemptAt.getTime() - Date.now() : undefined;
      // A retry due sooner than the next poll (short schedules, tests) gets a wake-up of its own.
      if (retryIn !== undefined && retryIn < pollIntervalMs) setTimeout(wake, Math.max(retryIn, 0)).unref();
    } catch (error) {
      // Nothing was recorded, a hook's effects included; the lease runs out and the message is sent again.
      onError(error);
      await db
        .insert(deliveryAttempt)
        .values({
          id: newId("att"),
          messageId: message.id,
          attemptNumber: message.attempts,
          startedAt,
          statusCode: result.status ?? null,
          latencyMs,
          error: `The outcome could not be recorded (${describe(error)}); the message will be sent again.`,
          outcome: "failed",
        })
        .catch(onError);
    }
  }

  async function claimAndSend(limit: number): Promise<Promise<void>[]> {
    const claimed = await claimMessages(db, { kinds, limit, leaseMs });
    return claimed.map((message) => {
      const sending: Promise<void> = deliver(message)
        .catch(onError)
        .finally(() => {
          const wasFull = inFlight.size >= concurrency;
          inFlight.delete(sending);
          if (wasFull) wake();
        });
      inFlight.add(sending);
      return sending;
    });
  }

  function wake(): void {
    if (stopped) return;
    if (pumping) {
      wakeAgain = true;
      return;
    }
    pumping = (async () => {
      do {
        wakeAgain = false;
        const room = concurrency - inFlight.size;
        if (room <= 0) break;
        try {
          const sends = await claimAndSend(room);
          if (sends.length === room) wakeAgain = true;
        } catch (error) {
          onError(error);
          break;
        }
      } while (wakeAgain && !stopped);
    })().finally(() => {
      pumping = undefined;
    });
  }

  return {
    async start() {
      if (!stopped) return;
      stopped = false;
      listener = listenForMessages({ databaseUrl: options.databaseUrl, onWake: wake, onError });
      pollTimer = setInterval(wake, pollIntervalMs);
      await listener.ready;
      wake();
    },
    async stop() {
      stopped = true;
      clearInterval(pollTimer);
      await listener?.close();
      listener = undefined;
      await pumping;
      await Promise.allSettled([...inFlight]);
    },
    async runOnce() {
      const sends = await claimAndSend(Math.max(concurrency - inFlight.size, 0));
      await Promise.all(sends);
      return sends.length;
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
