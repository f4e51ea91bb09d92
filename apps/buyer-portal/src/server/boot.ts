import { bootPortal } from "@lotbridge/runtime/boot-portal";
import { loadConfig } from "./config";
import { logger } from "./logger";
import { portal } from "./portal";
import { seedDemoData } from "./seed-demo-data";
import { startIntegration } from "./start-integration";

export const boot = () =>
  bootPortal({
    label: "Buyer portal",
    embeddedDatabase: "lotbridge_buyer",
    loadConfig,
    logger,
    seed: () => seedDemoData(portal().db),
    startBackgroundWork: startIntegration,
  });
