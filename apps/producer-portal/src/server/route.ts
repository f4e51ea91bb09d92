import { createRoute } from "@lotbridge/http/create-route";
import { logger } from "./logger";
import { portal } from "./portal";

export const route = createRoute(logger, { ownOrigin: () => new URL(portal().config.PUBLIC_URL).origin });
export { requireMember, requireOperator } from "./portal";
