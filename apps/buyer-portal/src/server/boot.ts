import { bootPortal } from "@lotbridge/runtime/boot-portal";
import { loadConfig } from "./config";
import { logger } from "./logger";
import { portal } from "./portal";
import { seedDemoData } from "./seed-demo-data";
import { startIntegration } from "./start-integration";

/** `backgroundWork: false` only migrates and seeds, for `npm run migrate`. */
export const boot = ({ backgroundWork = true } = {}) =>
  bootPortal({
    label: "Buyer portal",
    embeddedDatabase: "lotbridge_buyer",
    loadConfig,
    logger,
    seed: () => seedDemoData(portal().db),
    startBackgroundWork: backgroundWork ? startIntegration : undefined,
    productionWarnings: (config) =>
      config.INTEGRATION_ADMINS.length > 0
        ? []
        : [
            "INTEGRATION_ADMINS is not set: the admin of every buyer organization can change the portal-wide integration (endpoint, secret, API keys) and see every message. Name the operators' sign-in emails there unless the portal serves one organization.",
          ],
  });
