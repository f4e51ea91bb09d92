import { DomainError } from "@lotbridge/contract/problem";
import { and, eq, isNull, or } from "drizzle-orm";
import type { BuyerDb, BuyerTx } from "../db/database";
import { apiKeys, integrationEvents, pongs } from "./integration-tables";
import { FIRST_PLATFORM_ID } from "./producer-endpoint";
import { publishEvent } from "./publish-event";

/**
 * Sends a `ping` webhook to one endpoint (the first platform's unless named): a test event that changes nothing and
 * proves the signed path to that platform. Only that platform sees it on its feed.
 */
export async function sendPing(db: BuyerDb, sentBy: string, endpointId = FIRST_PLATFORM_ID, now = new Date()) {
  const message = { message: `Ping from the buyer portal, sent by ${sentBy}`, version: 1 };
  return db.transaction((tx) => publishEvent(tx, "ping", message, now, endpointId));
}

/**
 * Records a platform's answer to a ping it was sent. Answering twice keeps the first answer; a ping sent to another
 * platform's endpoint is not this caller's to answer (404, as if it did not exist).
 */
export async function recordPong(db: BuyerTx, pingEventId: string, apiKeyId: string) {
  const [ping] = await db
    .select({ id: integrationEvents.id })
    .from(integrationEvents)
    .innerJoin(apiKeys, eq(apiKeys.id, apiKeyId))
    .where(
      and(
        eq(integrationEvents.id, pingEventId),
        eq(integrationEvents.type, "ping"),
        or(isNull(integrationEvents.platform), eq(integrationEvents.platform, apiKeys.platform)),
      ),
    );
  if (!ping) throw new DomainError("not-found", 404, `No ping with id ${pingEventId} was sent.`);
  await db.insert(pongs).values({ pingEventId, apiKeyId }).onConflictDoNothing();
  const [pong] = await db.select().from(pongs).where(eq(pongs.pingEventId, pingEventId));
  return { pingEventId, receivedAt: pong.receivedAt.toISOString() };
}
