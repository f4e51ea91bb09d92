import type { ApiKeyScope, OrganizationScope, PlatformScope } from "@lotbridge/contract/api-key-scope";
import { DomainError, forbidden } from "@lotbridge/contract/problem";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { BuyerDb } from "../db/database";
import { hashApiKey } from "./api-key-secret";
import { apiKeys } from "./integration-tables";

/** A producer platform calling the platform API. */
export interface PlatformCaller {
  kind: "platform";
  apiKeyId: string;
  platform: string;
}

/** A buyer organization's own system (ERP, weighbridge) calling the organization API on its lots. */
export interface OrganizationCaller {
  kind: "organization";
  apiKeyId: string;
  organizationId: string;
}

export type ApiKeyCaller = PlatformCaller | OrganizationCaller;

/** What the platform API's routes and domain take of a platform caller. */
export type ApiCaller = Omit<PlatformCaller, "kind">;

/** The key from `X-API-Key`, or from `Authorization: Bearer <key>`. */
export function presentedApiKey(headers: Headers): string | undefined {
  const header = headers.get("x-api-key")?.trim();
  if (header) return header;
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.get("authorization") ?? "");
  return bearer?.[1];
}

/** The kinds of key an operation takes, each with the scope it needs; a key of a kind not named is refused. */
export interface AcceptedKeys {
  platform?: PlatformScope | "any";
  organization?: OrganizationScope;
}

/**
 * Who is calling with a key. 401 for a missing, unknown, revoked or expired key; 403 for a key of a kind the
 * operation does not take, or without the scope it needs. A refused call writes nothing; an accepted one refreshes
 * the key's last-used time at most once a minute.
 */
export async function authenticateApiKey(
  db: BuyerDb,
  headers: Headers,
  accepts: AcceptedKeys,
  now = new Date(),
): Promise<ApiKeyCaller> {
  const presented = presentedApiKey(headers);
  if (!presented) {
    throw new DomainError(
      "unauthenticated",
      401,
      "Send your API key in the X-API-Key header (or Authorization: Bearer).",
    );
  }
  const [key] = await db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.hash, hashApiKey(presented)));
  if (!key || key.revokedAt || (key.expiresAt && key.expiresAt <= now)) {
    throw new DomainError("unauthenticated", 401, "This API key is not valid: it is unknown, revoked or expired.");
  }
  const caller: ApiKeyCaller = key.platform
    ? { kind: "platform", apiKeyId: key.id, platform: key.platform }
    : { kind: "organization", apiKeyId: key.id, organizationId: key.organizationId as string };
  // The kind is checked before the scope: the two kinds hold disjoint scopes, so a key of the other kind would
  // otherwise be told it "lacks a scope" it can never be given.
  const scope: ApiKeyScope | "any" | undefined = accepts[caller.kind];
  if (scope === undefined) throw forbidden(WRONG_KIND[caller.kind]);
  if (scope !== "any" && !key.scopes.includes(scope)) {
    throw forbidden(`This API key lacks the scope ${scope}; ${ASK_FOR_SCOPE[caller.kind]}.`);
  }
  const aMinuteAgo = new Date(now.getTime() - 60_000);
  // The row just read says whether the minute is up: most calls of a busy key then write nothing and send no statement.
  if (!key.lastUsedAt || key.lastUsedAt < aMinuteAgo) {
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(and(eq(apiKeys.id, key.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, aMinuteAgo))));
  }
  return caller;
}

/** Why a key of this kind is refused where it does not belong. */
const WRONG_KIND = {
  organization: "This is a buyer organization's key; the producer platform API needs a platform key.",
  platform:
    "This is a producer platform's key; an organization's lots, bids and contracts answer only to that organization's keys.",
} as const;

const ASK_FOR_SCOPE = {
  platform: "ask the buyer portal's operators for it",
  organization: "an admin of your organization can issue a key that has it",
} as const;

/** A producer platform's key with the scope, or a 401/403 problem (an organization's key is 403). */
export async function authenticatePlatformKey(
  db: BuyerDb,
  headers: Headers,
  scope: PlatformScope | "any",
  now = new Date(),
): Promise<PlatformCaller> {
  return (await authenticateApiKey(db, headers, { platform: scope }, now)) as PlatformCaller;
}

/** A buyer organization's key with the scope, or a 401/403 problem (a platform's key is 403). */
export async function authenticateOrganizationKey(
  db: BuyerDb,
  headers: Headers,
  scope: OrganizationScope,
  now = new Date(),
): Promise<OrganizationCaller> {
  return (await authenticateApiKey(db, headers, { organization: scope }, now)) as OrganizationCaller;
}
