import type { ApiKeyScope } from "@lotbridge/contract/api-key-scope";
import { forbidden } from "@lotbridge/contract/problem";
import { createRoute } from "@lotbridge/http/create-route";
import { type ApiCaller, authenticateApiKey } from "../domain/integration/authenticate-api-key";
import { logger } from "./logger";
import { portal, requireMember } from "./portal";

export const route = createRoute(logger);
export { requireMember };

/** The producer platform calling the external API, or a 401/403 problem. */
export function requireApiKey(request: Request, scope: ApiKeyScope | "any"): Promise<ApiCaller> {
  return authenticateApiKey(portal().db, request.headers, scope);
}

/** A signed-in admin of a buyer organization, or a 401/403 problem. */
export async function requireAdmin(request: Request) {
  const member = await requireMember(request);
  if (member.role !== "admin") throw forbidden("Only an organization admin can manage integrations.");
  return member;
}
