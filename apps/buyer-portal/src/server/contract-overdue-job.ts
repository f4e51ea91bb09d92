import type { Contract } from "@lotbridge/contract/contract";
import type { Logger } from "@lotbridge/http/logger";
import { type IntervalJob, startIntervalJob } from "@lotbridge/runtime/start-interval-job";
import { flagOverdueContracts } from "../domain/deliveries/flag-overdue-contracts";
import { portal } from "./portal";

export type ContractOverdueJob = IntervalJob;

/**
 * Flags contracts whose delivery window has ended with deliveries still open, at start and then every `intervalMs`
 * (a minute in production), so a contract is flagged within about `intervalMs` of the UTC day after its window's end.
 * Safe in several processes at once: flagOverdueContracts skips contracts another one holds and flags each once.
 */
export function startContractOverdueJob(options: {
  intervalMs: number;
  logger: Logger;
  /** Tests pass their own; by default the portal's database and PUBLIC_URL. */
  run?: (now: Date) => Promise<Contract[]>;
}): ContractOverdueJob {
  const run =
    options.run ??
    ((now: Date) => {
      const { db, config } = portal();
      return flagOverdueContracts(db, now, { publicUrl: config.PUBLIC_URL });
    });
  return startIntervalJob({
    run: () => run(new Date()),
    report: (flagged) => {
      if (flagged.length > 0) {
        options.logger.info(
          { contracts: flagged.map((contract) => contract.number) },
          "delivery window ended; contracts flagged overdue",
        );
      }
    },
    failure: "flagging overdue contracts failed",
    intervalMs: options.intervalMs,
    logger: options.logger,
  });
}
