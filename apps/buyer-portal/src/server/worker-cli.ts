/**
 * `npm run worker`: delivers the outbox (and later runs scheduled jobs) in a process of its own, for deployments
 * that set RUN_DISPATCHER=false on their web servers. Stops cleanly on SIGTERM / SIGINT.
 */
import { boot } from "./boot";
import { logger } from "./logger";
import { closePortal } from "./portal";
import { stopIntegration } from "./start-integration";

process.env.RUN_DISPATCHER = "true";
await boot();
logger.info("Worker running; Ctrl-C or SIGTERM stops it");

const stop = async () => {
  await stopIntegration();
  await closePortal();
  process.exit(0);
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
