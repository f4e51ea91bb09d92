import { DomainError } from "@lotbridge/contract/problem";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import type { BuyerDb } from "../db/database";
import { hashApiKey } from "./api-key-secret";
import { apiKeys } from "./integration-tables";
import { issueApiKey } from "./issue-api-key";
import { FIRST_PLATFORM_ID } from "./producer-endpoint";

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  platform: string | null;
  organizationId: string | null;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export async function listApiKeys(db: BuyerDb): Promise<ApiKeyView[]> {
  // Organization keys belong to their organization's admins (organization-keys.ts), not to the platform list.
  const rows = await db.select().from(apiKeys).where(isNotNull(apiKeys.platform)).orderBy(desc(apiKeys.createdAt));
  return rows.map(({ hash: _hash, createdBy: _by, ...row }) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  }));
}

// The operators' key routes act on producer platforms' keys only: a buyer organization's keys are its admins' to
// manage (organization-keys.ts), and an operator's request naming one finds nothing.
const platformKey = (id: string) => and(eq(apiKeys.id, id), isNotNull(apiKeys.platform));

/** Revoked keys stop working at once. */
export async function revokeApiKey(db: BuyerDb, id: string, now = new Date()): Promise<void> {
  const [row] = await db.update(apiKeys).set({ revokedAt: now }).where(platformKey(id)).returning({ id: apiKeys.id });
  if (!row) throw new DomainError("not-found", 404, "API key was not found.");
}

/**
 * Issues a successor with the same platform and scopes; the old key keeps working for `overlapHours` so the producer
 * portal can switch without an outage. Returns the new key, shown once. Only a key that still works is rotated, and
 * its end only ever comes sooner: rotating must not give a dead key, or one already counting down, more life.
 */
export async function rotateApiKey(db: BuyerDb, id: string, overlapHours: number, actorId?: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const [old] = await tx.select().from(apiKeys).where(platformKey(id)).for("update");
    if (!old) throw new DomainError("not-found", 404, "API key was not found.");
    if (old.revokedAt) {
      throw new DomainError("key-not-active", 409, "This API key is revoked; issue a new key instead of rotating it.");
    }
    if (old.expiresAt && old.expiresAt <= now) {
      throw new DomainError("key-not-active", 409, "This API key has expired; issue a new key instead of rotating it.");
    }
    const overlapEnd = new Date(now.getTime() + overlapHours * 3_600_000);
    const successor = await issueApiKey(tx, {
      name: old.name,
      platform: old.platform,
      scopes: old.scopes as never,
      createdBy: actorId,
    });
    await tx
      .update(apiKeys)
      .set({ expiresAt: old.expiresAt && old.expiresAt < overlapEnd ? old.expiresAt : overlapEnd })
      .where(eq(apiKeys.id, id));
    return successor;
  });
}

/** PRODUCER_API_KEY becomes a stored key on first start; later starts find it by its hash and leave it alone. */
export async function seedApiKeyFromEnvironment(db: BuyerDb, key: string): Promise<boolean> {
  const [existing] = await db
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(eq(apiKeys.hash, hashApiKey(key)));
  if (existing) return false;
  await issueApiKey(db, {
    key,
    name: "Seeded from PRODUCER_API_KEY",
    platform: FIRST_PLATFORM_ID,
    scopes: ["lots:read", "bids:write", "contracts:write"],
  });
  return true;
}
