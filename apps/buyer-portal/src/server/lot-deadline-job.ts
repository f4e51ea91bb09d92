import type { Lot } from "@lotbridge/contract/lot";
import type { Logger } from "@lotbridge/http/logger";
import { type IntervalJob, startIntervalJob } from "@lotbridge/runtime/start-interval-job";
import { closeExpiredLots } from "../domain/lots/close-expired-lots";
import { portal } from "./portal";

export type LotDeadlineJob = IntervalJob;

/**
 * Closes lots at their bidding deadline, at start and then every `intervalMs`, so a lot closes at most about
 * `intervalMs` after its deadline. Safe in several processes at once: closeExpiredLots skips lots another one is
 * closing.
 */
export function startLotDeadlineJob(options: {
  intervalMs: number;
  logger: Logger;
  /** Tests pass their own; by default the portal's database and PUBLIC_URL. */
  run?: (now: Date) => Promise<Lot[]>;
}): LotDeadlineJob {
  const run =
    options.run ??
    ((now: Date) => {
      const { db, config } = portal();
      return closeExpiredLots(db, now, { publicUrl: config.PUBLIC_URL });
    });
  return startIntervalJob({
    run: () => run(new Date()),
    report: (closed) => {
      if (closed.length > 0) {
        options.logger.info({ lots: closed.map((lot) => lot.number) }, "bidding deadline reached; lots closed");
      }
    },
    failure: "closing lots at their deadline failed",
    intervalMs: options.intervalMs,
    logger: options.logger,
  });
}
