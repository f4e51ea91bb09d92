import { DomainError } from "@lotbridge/contract/problem";
import type { NewPlatform, ProducerPlatform } from "@lotbridge/contract/producer-platform";
import { webhookEndpoint } from "@lotbridge/webhooks/tables";
import { asc, eq, isNotNull, or } from "drizzle-orm";
import type { BuyerDb } from "../db/database";
import { apiKeys, producerPlatforms } from "./integration-tables";
import { endpointView } from "./manage-platform-endpoints";

/** Registers a producer platform; its keys and endpoints are added after. The id and the name are each unique. */
export async function createPlatform(db: BuyerDb, input: NewPlatform, actorId?: string): Promise<ProducerPlatform> {
  const [taken] = await db
    .select({ id: producerPlatforms.id, name: producerPlatforms.name })
    .from(producerPlatforms)
    .where(or(eq(producerPlatforms.id, input.id), eq(producerPlatforms.name, input.name)));
  if (taken) throw platformTaken(taken.id === input.id ? "id" : "name");
  const [row] = await db
    .insert(producerPlatforms)
    .values({ id: input.id, name: input.name, createdBy: actorId })
    .onConflictDoNothing()
    .returning();
  // Two operators creating the same platform at once: the second is told, as if it had come a moment later.
  if (!row) throw platformTaken("id");
  return { id: row.id, name: row.name, createdAt: row.createdAt.toISOString(), endpoints: [], apiKeys: [] };
}

function platformTaken(field: "id" | "name") {
  return new DomainError("platform-exists", 409, `A producer platform with this ${field} exists already.`, [
    { field, message: "is taken by another producer platform" },
  ]);
}

/** Every platform, oldest first, with its endpoints (health, filter, state) and its keys (never the keys themselves). */
export async function listPlatforms(db: BuyerDb): Promise<ProducerPlatform[]> {
  const platforms = await db.select().from(producerPlatforms).orderBy(asc(producerPlatforms.createdAt));
  const endpoints = await db
    .select()
    .from(webhookEndpoint)
    .where(isNotNull(webhookEndpoint.subscriber))
    .orderBy(asc(webhookEndpoint.createdAt));
  const keys = await db.select().from(apiKeys).where(isNotNull(apiKeys.platform)).orderBy(asc(apiKeys.createdAt));
  return platforms.map((platform) => ({
    id: platform.id,
    name: platform.name,
    createdAt: platform.createdAt.toISOString(),
    endpoints: endpoints.filter((e) => e.subscriber === platform.id).map(endpointView),
    apiKeys: keys
      .filter((key) => key.platform === platform.id)
      .map((key) => ({
        id: key.id,
        name: key.name,
        prefix: key.prefix,
        scopes: key.scopes,
        revokedAt: key.revokedAt?.toISOString() ?? null,
        expiresAt: key.expiresAt?.toISOString() ?? null,
        lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
      })),
  }));
}
