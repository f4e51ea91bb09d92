import type { OrganizationScope, PlatformScope } from "@lotbridge/contract/api-key-scope";
import { createRoute } from "@lotbridge/http/create-route";
import type { Actor } from "../domain/lots/create-draft-lot";
import {
  type ApiCaller,
  authenticateOrganizationKey,
  authenticatePlatformKey,
  type OrganizationCaller,
} from "../integration/authenticate-api-key";
import { logger } from "./logger";
import { portal, requireMember, requireOperator } from "./portal";

export const route = createRoute(logger, { ownOrigin: () => new URL(portal().config.PUBLIC_URL).origin });
export { requireMember, requireOperator };

/** The producer platform calling the platform API, or a 401/403 problem (a buyer organization's key is 403). */
export function requireApiKey(request: Request, scope: PlatformScope | "any"): Promise<ApiCaller> {
  return authenticatePlatformKey(portal().db, request.headers, scope);
}

/** A buyer organization's own system calling with its key, or a 401/403 problem (a platform's key is 403). */
export function requireOrganizationKey(request: Request, scope: OrganizationScope): Promise<OrganizationCaller> {
  return authenticateOrganizationKey(portal().db, request.headers, scope);
}

/**
 * The buyer organization acting on its own lots, bids or contracts: one of its organization keys with `scope` when
 * the request presents a key (X-API-Key or Authorization: Bearer), otherwise the signed-in member. Either way the
 * organization is the credential's own, never one named in the request.
 */
export async function requireBuyer(request: Request, scope: OrganizationScope): Promise<Actor> {
  // Any key header means key authentication, never a fall-back to the cookie: the cross-origin guard lets calls with a
  // key through, so a key header must not carry a browser's session along.
  if (request.headers.has("x-api-key") || request.headers.has("authorization")) {
    const key = await requireOrganizationKey(request, scope);
    return { organizationId: key.organizationId, apiKeyId: key.apiKeyId };
  }
  const me = await requireMember(request);
  return { organizationId: me.organizationId, userId: me.userId };
}
