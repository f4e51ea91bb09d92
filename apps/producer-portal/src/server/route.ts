import { createRoute } from "@lotbridge/http/create-route";
import { logger } from "./logger";

export const route = createRoute(logger);
export { requireMember, requireOperator } from "./portal";
