import { definePortal } from "@lotbridge/runtime/define-portal";
import * as schema from "../db/schema";
import { loadConfig } from "./config";
import { logger } from "./logger";

export const { portal, closePortal, requireMember, requireOperator } = definePortal({
  name: "buyer",
  appName: "Lotbridge Buyer Portal",
  schema,
  loadConfig,
  logger,
});
