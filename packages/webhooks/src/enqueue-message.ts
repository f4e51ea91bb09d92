import type { Database } from "@lotbridge/db/database";
import { newId } from "@lotbridge/db/new-id";
import { sql } from "drizzle-orm";
import { OUTBOX_CHANNEL } from "./outbox-channel";
import { outboxMessage } from "./tables";

export interface NewMessage {
  /** Which transport sends it: "webhook", "api-call", or any kind a dispatcher has a transport for. */
  kind: string;
  /** What the transport sends it to: an endpoint id, a service name, a mailbox. */
  destination: string;
  payload: unknown;
  /** Stable across retries; receivers deduplicate by it. */
  eventId?: string;
  eventType?: string;
  /** Not sent before this time; now by default. */
  notBefore?: Date;
}

/**
 * Writes a message to the outbox inside the caller's transaction. The NOTIFY is transactional too: PostgreSQL
 * delivers it only on commit, so a rollback sends nothing and a commit wakes the dispatchers at once.
 */
export async function enqueueMessage(tx: Database, message: NewMessage): Promise<string> {
  const id = newId("msg");
  await tx.insert(outboxMessage).values({
    id,
    kind: message.kind,
    destination: message.destination,
    payload: message.payload,
    eventId: message.eventId,
    eventType: message.eventType,
    nextAttemptAt: message.notBefore,
  });
  await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
  return id;
}
