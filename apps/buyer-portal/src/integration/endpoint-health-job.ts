import type { Logger } from "@lotbridge/http/logger";
import { type IntervalJob, startIntervalJob } from "@lotbridge/runtime/start-interval-job";
import { disableFailingEndpoints } from "@lotbridge/webhooks/disable-failing-endpoints";
import type { BuyerDb } from "../db/database";
import { notifyEndpointDisabled } from "./endpoint-disabled-notice";

/**
 * Disables webhook endpoints that have failed every attempt for `failingForMs` (5 days by default) and tells the
 * operators, at start and then every `intervalMs`. Runs where the dispatcher runs; several processes may run it.
 */
export function startEndpointHealthJob(options: {
  db: BuyerDb;
  publicUrl: string;
  logger: Logger;
  intervalMs?: number;
  failingForMs?: number;
}): IntervalJob {
  return startIntervalJob({
    run: () =>
      disableFailingEndpoints(options.db, {
        failingForMs: options.failingForMs,
        onDisabled: (tx, endpoint) => notifyEndpointDisabled(tx, options.publicUrl, endpoint),
      }),
    report: (disabled) => {
      for (const endpoint of disabled) {
        options.logger.warn({ endpointId: endpoint.id, reason: endpoint.disabledReason }, "webhook endpoint disabled");
      }
    },
    failure: "checking webhook endpoints' health failed",
    intervalMs: options.intervalMs ?? 60_000,
    logger: options.logger,
  });
}
