import type { ApiKeyScope } from "@lotbridge/contract/api-key-scope";
import { DomainError } from "@lotbridge/contract/problem";
import { newId } from "@lotbridge/db/new-id";
import { eq } from "drizzle-orm";
import type { BuyerTx } from "../db/database";
import { apiKeyPrefix, generateApiKey, hashApiKey } from "./api-key-secret";
import { apiKeys, producerPlatforms } from "./integration-tables";

export interface NewApiKey {
  name: string;
  /** Exactly one owner: a producer platform, or a buyer organization. */
  platform: string | null;
  organizationId?: string | null;
  scopes: ApiKeyScope[];
  createdBy?: string;
  /** A key chosen by the operator (PRODUCER_API_KEY); otherwise one is generated. */
  key?: string;
}

/** Stores a new key's hash and returns the key itself — the only time it is ever available in full. */
export async function issueApiKey(db: BuyerTx, input: NewApiKey): Promise<{ id: string; key: string; prefix: string }> {
  if (input.platform !== null) await requirePlatform(db, input.platform);
  const key = input.key ?? generateApiKey();
  const id = newId("key");
  await db.insert(apiKeys).values({
    id,
    name: input.name,
    platform: input.platform,
    organizationId: input.organizationId ?? null,
    scopes: input.scopes,
    createdBy: input.createdBy,
    prefix: apiKeyPrefix(key),
    hash: hashApiKey(key),
  });
  return { id, key, prefix: apiKeyPrefix(key) };
}

/** A platform key names a platform that exists; a made-up one is the caller's mistake (422), not a broken reference. */
async function requirePlatform(db: BuyerTx, platform: string): Promise<void> {
  const [row] = await db
    .select({ id: producerPlatforms.id })
    .from(producerPlatforms)
    .where(eq(producerPlatforms.id, platform));
  if (!row) {
    throw new DomainError("validation", 422, "platform: no producer platform has this id; create the platform first.", [
      { field: "platform", message: "must be the id of an existing producer platform" },
    ]);
  }
}
