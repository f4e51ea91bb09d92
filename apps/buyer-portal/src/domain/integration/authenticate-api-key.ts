import type { ApiKeyScope } from "@lotbridge/contract/api-key-scope";
import { DomainError } from "@lotbridge/contract/problem";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { BuyerDb } from "../../db/database";
import { hashApiKey } from "./api-key-secret";
import { apiKeys } from "./integration-tables";

export interface ApiCaller {
  apiKeyId: string;
  platform: string;
}

/** The key from `X-API-Key`, or from `Authorization: Bearer <key>`. */
export function presentedApiKey(headers: Headers): string | undefined {
  const header = headers.get("x-api-key")?.trim();
  if (header) return header;
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.get("authorization") ?? "");
  return bearer?.[1];
}

/**
 * Who is calling the external API. 401 for a missing, unknown, revoked or expired key; 403 for a valid key without
 * the scope. A refused call writes nothing; an accepted one refreshes the key's last-used time at most once a minute.
 */
export async function authenticateApiKey(
  db: BuyerDb,
  headers: Headers,
  scope: ApiKeyScope | "any",
  now = new Date(),
): Promise<ApiCaller> {
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
  if (scope !== "any" && !key.scopes.includes(scope)) {
    throw new DomainError(
      "forbidden",
      403,
      `This API key lacks the scope ${scope}; ask the buyer portal's admin for it.`,
    );
  }
  if (!key.platform) {
    throw new DomainError(
      "forbidden",
      403,
      "This is a buyer organization's key; the producer platform API needs a platform key.",
    );
  }
  const aMinuteAgo = new Date(now.getTime() - 60_000);
  await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.id, key.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, aMinuteAgo))));
  return { apiKeyId: key.id, platform: key.platform };
}
