import type { EventData, EventType } from "@lotbridge/contract/event-catalog";
import { API_VERSION, type EventEnvelope } from "@lotbridge/contract/event-envelope";
import { newId } from "@lotbridge/db/new-id";
import { enqueueMessage } from "@lotbridge/webhooks/enqueue-message";
import { sql } from "drizzle-orm";
import type { BuyerTx } from "../db/database";
import { eventAudience } from "./event-audience";
import { integrationEvents } from "./integration-tables";

const EVENT_ORDER_LOCK = 7_340_002;

/**
 * Tells the producer platforms about a change, inside the transaction that made it: the event joins the ordered feed
 * (GET /api/events) of the platforms that may see it, and the outbox holds one signed webhook per endpoint it goes to
 * (event-audience.ts). All of it commits with the change or not at all. Every copy carries the event's id as its
 * webhook-id, so a receiver that also reads the feed applies it once.
 */
export async function publishEvent<T extends EventType>(
  tx: BuyerTx,
  type: T,
  data: EventData<T>,
  now = new Date(),
  pingedEndpointId?: string,
): Promise<EventEnvelope<T>> {
  const envelope = {
    id: newId("evt"),
    type,
    createdAt: now.toISOString(),
    apiVersion: API_VERSION,
    data,
  } as EventEnvelope<T>;
  const audience = await eventAudience(tx, type, data, pingedEndpointId);
  // Events must commit in the order of their sequence numbers, or a feed reader could move its cursor past a number
  // that commits later. The lock is held until this transaction ends, so the next event waits for this one's commit.
  await tx.execute(sql`select pg_advisory_xact_lock(${EVENT_ORDER_LOCK})`);
  await tx
    .insert(integrationEvents)
    .values({ id: envelope.id, type, platform: audience.platform, createdAt: now, envelope });
  for (const endpointId of audience.endpointIds) {
    await enqueueMessage(tx, {
      kind: "webhook",
      destination: endpointId,
      payload: envelope,
      eventId: envelope.id,
      eventType: type,
    });
  }
  return envelope;
}
