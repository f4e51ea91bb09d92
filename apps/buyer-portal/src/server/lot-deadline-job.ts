import type { Lot } from "@lotbridge/contract/lot";
import { describeError, type Logger } from "@lotbridge/http/logger";
import { closeExpiredLots } from "../domain/lots/close-expired-lots";
import { portal } from "./portal";

export interface LotDeadlineJob {
  /** Waits for a run in progress, then runs no more. */
  stop(): Promise<void>;
}

/**
 * Closes lots at their bidding deadline: runs at once and then every `intervalMs`, one run at a time, so a lot closes
 * at most about `intervalMs` after its deadline. A failed run (the database is away) is a warning; the next tick
 * tries again. Safe in several processes at once: closeExpiredLots skips lots another one is closing.
 */
export function startLotDeadlineJob(options: {
  intervalMs: number;
  logger: Logger;
  /** Tests pass their own; by default the portal's database and PUBLIC_URL. */
  run?: (now: Date) => Promise<Lot[]>;
}): LotDeadlineJob {
  const { logger } = options;
  const run =
    options.run ??
    ((now: Date) => {
      const { db, config } = portal();
      return closeExpiredLots(db, now, { publicUrl: config.PUBLIC_URL });
    });
  let running: Promise<void> | undefined;

  const tick = () => {
    if (running) return;
    running = run(new Date())
      .then((closed) => {
        if (closed.length > 0) {
          logger.info({ lots: closed.map((lot) => lot.number) }, "bidding deadline reached; lots closed");
        }
      })
      .catch((error) => {
        logger.warn(
          { error: describeError(error), retryInSeconds: options.intervalMs / 1000 },
          "closing lots at their deadline failed; retrying at the next interval",
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
