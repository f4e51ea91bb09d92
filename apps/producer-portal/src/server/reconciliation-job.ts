import { describeError, type Logger } from "@lotbridge/http/logger";
import type { ReconcileResult } from "../domain/integration/reconcile-events";

export interface ReconciliationJob {
  /** Waits for a run in progress, then runs no more. */
  stop(): Promise<void>;
}

/**
 * Runs reconciliation now and then every `intervalMs`, one run at a time. A failed run (the buyer portal is down,
 * its key was revoked) is a warning, not a crash: the cursor did not move, so the next run retries the same events.
 */
export function startReconciliationJob(options: {
  run: () => Promise<ReconcileResult>;
  intervalMs: number;
  logger: Logger;
}): ReconciliationJob {
  const { logger } = options;
  let running: Promise<void> | undefined;

  const tick = () => {
    if (running) return;
    running = options
      .run()
      .then((result) => {
        if (result.applied + result.ignored > 0)
          logger.info({ ...result }, "reconciliation caught up on missed events");
      })
      .catch((error) => {
        logger.warn(
          { error: describeError(error), retryInSeconds: options.intervalMs / 1000 },
          "reconciliation with the buyer portal failed; retrying at the next interval",
        );
      })
      .finally(() => {
        running = undefined;
      });
  };

  tick();
  const timer = setInterval(tick, options.intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
