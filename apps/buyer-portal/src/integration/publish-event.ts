import type { EventData, EventType } from "@lotbridge/contract/event-catalog";
import { API_VERSION, type EventEnvelope } from "@lotbridge/contract/event-envelope";
import { newId } from "@lotbridge/db/new-id";
import { enqueueMessage } from "@lotbridge/webhooks/enqueue-message";
import type { BuyerTx } from "../db/database";
import { eventAudience } from "./event-audience";
import { integrationEvents } from "./integration-tables";

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
  // No lock: the row carries this transaction's id, and the feed shows it only once every older transaction has ended
  // (list-events.ts, docs/decisions/0016), so publishers on different lots never wait for each other.
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
