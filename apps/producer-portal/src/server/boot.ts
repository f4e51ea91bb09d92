import { bootPortal } from "@lotbridge/runtime/boot-portal";
import { loadConfig } from "./config";
import { logger } from "./logger";
import { portal } from "./portal";
import { seedDemoData } from "./seed-demo-data";
import { startIntegration } from "./start-integration";

/** `backgroundWork: false` only migrates and seeds, for `npm run migrate`. */
export const boot = ({ backgroundWork = true } = {}) =>
  bootPortal({
    label: "Producer portal",
    embeddedDatabase: "lotbridge_producer",
    loadConfig,
    logger,
    db: () => portal().db,
    seed: () => seedDemoData(portal().db),
    startBackgroundWork: backgroundWork ? startIntegration : undefined,
  });
