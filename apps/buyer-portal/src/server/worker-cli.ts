/** `npm run worker`: outbox delivery and scheduled jobs in a process of their own; see runWorker. */
import { runWorker } from "@lotbridge/runtime/run-worker";
import { boot } from "./boot";
import { logger } from "./logger";
import { closePortal } from "./portal";
import { stopIntegration } from "./start-integration";

await runWorker({ boot, stopBackgroundWork: stopIntegration, closePortal, logger });
