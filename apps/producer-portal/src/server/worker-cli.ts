/** `npm run worker`: outbox delivery and scheduled jobs in a process of their own, with the web server's `.env` files; see runWorker. */
import { loadEnvFiles } from "@lotbridge/runtime/load-env-files";

const envFiles = loadEnvFiles(); // before anything reads the environment
const { runWorker } = await import("@lotbridge/runtime/run-worker");
const { boot } = await import("./boot");
const { logger } = await import("./logger");
const { closePortal } = await import("./portal");
const { stopIntegration } = await import("./start-integration");
if (envFiles.length > 0) logger.info({ envFiles }, "Configuration files read");
await runWorker({ boot, stopBackgroundWork: stopIntegration, closePortal, logger });
