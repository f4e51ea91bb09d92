import type { ApiKeyScope } from "@lotbridge/contract/api-key-scope";
import { forbidden } from "@lotbridge/contract/problem";
import { createRoute } from "@lotbridge/http/create-route";
import { type ApiCaller, authenticateApiKey } from "../domain/integration/authenticate-api-key";
import { mayManageIntegration } from "../domain/integration/integration-admins";
import { logger } from "./logger";
import { portal, requireMember } from "./portal";

export const route = createRoute(logger);
export { requireMember };

/** The producer platform calling the external API, or a 401/403 problem. */
export function requireApiKey(request: Request, scope: ApiKeyScope | "any"): Promise<ApiCaller> {
  return authenticateApiKey(portal().db, request.headers, scope);
}

/** A signed-in user who manages the portal-wide integration (see mayManageIntegration), or a 401/403 problem. */
export async function requireIntegrationAdmin(request: Request) {
  const member = await requireMember(request);
  const admins = portal().config.INTEGRATION_ADMINS;
  if (!mayManageIntegration(member, admins)) {
    throw forbidden(
      admins.length > 0
        ? "Only the integration admins named by the operator (INTEGRATION_ADMINS) can manage the integration."
        : "Only an organization admin can manage the integration.",
    );
  }
  return member;
}
