import { bootPortal } from "@lotbridge/runtime/boot-portal";
import { loadConfig } from "./config";
import { logger } from "./logger";
import { portal } from "./portal";
import { seedDemoData } from "./seed-demo-data";

export const boot = () =>
  bootPortal({
    label: "Producer portal",
    embeddedDatabase: "lotbridge_producer",
    loadConfig,
    logger,
    seed: () => seedDemoData(portal().db),
  });
