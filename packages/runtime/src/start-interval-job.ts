import { describeError, type Logger } from "@lotbridge/http/logger";

export interface IntervalJob {
  /** Waits for a run in progress, then runs no more. */
  stop(): Promise<void>;
}

/**
 * Runs `run` now and then every `intervalMs`, one run at a time. A failed run is a warning (`failure`), never a crash:
 * the next tick tries again. `report` logs what a successful run did.
 */
export function startIntervalJob<T>(options: {
  run: () => Promise<T>;
  report: (result: T) => void;
  failure: string;
  intervalMs: number;
  logger: Logger;
}): IntervalJob {
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    running = options
      .run()
      .then(options.report)
      .catch((error) => {
        options.logger.warn(
          { error: describeError(error), retryInSeconds: options.intervalMs / 1000 },
          `${options.failure}; retrying at the next interval`,
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
