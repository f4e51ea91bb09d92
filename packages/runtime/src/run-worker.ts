import type { Logger } from "@lotbridge/http/logger";

export interface WorkerParts {
  boot: () => Promise<void>;
  stopBackgroundWork: () => Promise<void>;
  closePortal: () => Promise<void>;
  logger: Logger;
}

/**
 * `npm run worker`: the portal's background work (outbox delivery, scheduled jobs) in a process of its own, for
 * deployments whose web servers set RUN_DISPATCHER=false. On SIGTERM or SIGINT it lets the sends in flight be
 * recorded before it exits.
 */
export async function runWorker(parts: WorkerParts): Promise<void> {
  process.env.RUN_DISPATCHER = "true";
  await parts.boot();
  parts.logger.info("Worker running; SIGTERM or Ctrl-C stops it");
  const stop = async (signal: NodeJS.Signals) => {
    parts.logger.info({ signal }, "Worker stopping");
    await parts.stopBackgroundWork();
    await parts.closePortal();
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
