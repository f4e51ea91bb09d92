import type { ApiKeyScope } from "@lotbridge/contract/api-key-scope";
import { createRoute } from "@lotbridge/http/create-route";
import { type ApiCaller, authenticateApiKey } from "../domain/integration/authenticate-api-key";
import { logger } from "./logger";
import { portal, requireMember, requireOperator } from "./portal";

export const route = createRoute(logger, { ownOrigin: () => new URL(portal().config.PUBLIC_URL).origin });
export { requireMember, requireOperator };

/** The producer platform calling the external API, or a 401/403 problem. */
export function requireApiKey(request: Request, scope: ApiKeyScope | "any"): Promise<ApiCaller> {
  return authenticateApiKey(portal().db, request.headers, scope);
}
