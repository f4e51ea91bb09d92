import type { Logger } from "@lotbridge/http/logger";
import { type IntervalJob, startIntervalJob } from "@lotbridge/runtime/start-interval-job";
import type { ReconcileResult } from "../integration/reconcile-events";

export type ReconciliationJob = IntervalJob;

/**
 * Runs reconciliation now and then every `intervalMs`. A failed run (the buyer portal is down, its key was revoked)
 * is a warning: the cursor did not move, so the next run retries the same events. Events it refused or parked as
 * failed are a warning too; the run read on past them, and the Integration page lists them.
 */
export function startReconciliationJob(options: {
  run: () => Promise<ReconcileResult>;
  intervalMs: number;
  logger: Logger;
}): ReconciliationJob {
  return startIntervalJob({
    run: options.run,
    report: (result) => {
      if (result.refused + result.failed > 0) {
        options.logger.warn({ ...result }, "reconciliation passed by events it could not apply");
      } else if (result.applied + result.ignored > 0) {
        options.logger.info({ ...result }, "reconciliation caught up on missed events");
      }
    },
    failure: "reconciliation with the buyer portal failed",
    intervalMs: options.intervalMs,
    logger: options.logger,
  });
}
