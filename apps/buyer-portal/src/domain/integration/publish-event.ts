import type { EventData, EventType } from "@lotbridge/contract/event-catalog";
import { API_VERSION, type EventEnvelope } from "@lotbridge/contract/event-envelope";
import { newId } from "@lotbridge/db/new-id";
import { enqueueMessage } from "@lotbridge/webhooks/enqueue-message";
import { sql } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { integrationEvents } from "./integration-tables";

/** The one webhook endpoint of the buyer portal: the producer portal's POST /api/webhooks/buyer. */
export const PRODUCER_ENDPOINT_ID = "producer-portal";

const EVENT_ORDER_LOCK = 7_340_002;

/**
 * Tells the producer portal about a change, inside the transaction that made it: the event joins the ordered feed
 * (GET /api/events) and the outbox (a signed webhook). Both commit with the change or not at all.
 */
export async function publishEvent<T extends EventType>(
  tx: BuyerTx,
  type: T,
  data: EventData<T>,
  now = new Date(),
): Promise<EventEnvelope<T>> {
  const envelope = {
    id: newId("evt"),
    type,
    createdAt: now.toISOString(),
    apiVersion: API_VERSION,
    data,
  } as EventEnvelope<T>;
  // Events must commit in the order of their sequence numbers, or a feed reader could move its cursor past a number
  // that commits later. The lock is held until this transaction ends, so the next event waits for this one's commit.
  await tx.execute(sql`select pg_advisory_xact_lock(${EVENT_ORDER_LOCK})`);
  await tx.insert(integrationEvents).values({ id: envelope.id, type, createdAt: now, envelope });
  await enqueueMessage(tx, {
    kind: "webhook",
    destination: PRODUCER_ENDPOINT_ID,
    payload: envelope,
    eventId: envelope.id,
    eventType: type,
  });
  return envelope;
}
