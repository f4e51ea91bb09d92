import type { Bid } from "@lotbridge/contract/bid";
import type { Logger } from "@lotbridge/http/logger";
import { type IntervalJob, startIntervalJob } from "@lotbridge/runtime/start-interval-job";
import { expireBids } from "../domain/bids/expire-bids";
import { portal } from "./portal";

export type BidExpiryJob = IntervalJob;

/**
 * Expires live bids whose `validUntil` has passed, at start and then every `intervalMs`, so a bid expires at most
 * about `intervalMs` after its validity ends. Safe in several processes at once: expireBids skips bids another one is
 * expiring and never expires a bid twice.
 */
export function startBidExpiryJob(options: {
  intervalMs: number;
  logger: Logger;
  /** Tests pass their own; by default the portal's database and PUBLIC_URL. */
  run?: (now: Date) => Promise<Bid[]>;
}): BidExpiryJob {
  const run =
    options.run ??
    ((now: Date) => {
      const { db, config } = portal();
      return expireBids(db, now, { publicUrl: config.PUBLIC_URL });
    });
  return startIntervalJob({
    run: () => run(new Date()),
    report: (expired) => {
      if (expired.length > 0) {
        options.logger.info(
          { bids: expired.map((bid) => ({ id: bid.id, lot: bid.lotNumber })) },
          "validity passed; bids expired",
        );
      }
    },
    failure: "expiring bids past their validity failed",
    intervalMs: options.intervalMs,
    logger: options.logger,
  });
}
