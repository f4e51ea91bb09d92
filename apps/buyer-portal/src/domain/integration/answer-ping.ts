import { DomainError } from "@lotbridge/contract/problem";
import { and, eq } from "drizzle-orm";
import type { BuyerDb, BuyerTx } from "../../db/database";
import { integrationEvents, pongs } from "./integration-tables";
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

/** Records the producer portal's answer to a ping. Answering twice keeps the first answer. */
export async function recordPong(db: BuyerTx, pingEventId: string, apiKeyId: string) {
  const [ping] = await db
    .select({ id: integrationEvents.id })
    .from(integrationEvents)
    .where(and(eq(integrationEvents.id, pingEventId), eq(integrationEvents.type, "ping")));
  if (!ping) throw new DomainError("not-found", 404, `No ping with id ${pingEventId} was sent.`);
  await db.insert(pongs).values({ pingEventId, apiKeyId }).onConflictDoNothing();
  const [pong] = await db.select().from(pongs).where(eq(pongs.pingEventId, pingEventId));
  return { pingEventId, receivedAt: pong.receivedAt.toISOString() };
}
