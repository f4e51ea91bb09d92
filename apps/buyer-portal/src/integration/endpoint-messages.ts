import type { DeliveryMessage, MessageListQuery, MessagePage } from "@lotbridge/contract/delivery-message";
import { DomainError } from "@lotbridge/contract/problem";
import { listMessages } from "@lotbridge/webhooks/list-messages";
import { type OutboxMessage, outboxMessage } from "@lotbridge/webhooks/tables";
import { eq } from "drizzle-orm";
import type { BuyerDb } from "../db/database";

/**
 * One page of the outgoing messages for operators, newest first: filtered by state, endpoint, platform or event id
 * (an event sent to several endpoints is one message each). The cursor is the last message of the page before.
 */
export async function listDeliveryMessages(db: BuyerDb, query: MessageListQuery): Promise<MessagePage> {
  if (query.cursor) {
    const [known] = await db
      .select({ id: outboxMessage.id })
      .from(outboxMessage)
      .where(eq(outboxMessage.id, query.cursor));
    if (!known) {
      throw new DomainError("validation", 422, "cursor: must be a nextCursor from a previous page", [
        { field: "cursor", message: "must be a nextCursor from a previous page" },
      ]);
    }
  }
  // One more than asked for tells whether another page follows.
  const rows = await listMessages(db, {
    status: query.status,
    kind: query.endpoint ? "webhook" : undefined,
    destination: query.endpoint,
    subscriber: query.platform,
    eventId: query.eventId,
    before: query.cursor,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    data: page.map(deliveryMessage),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** A message as the operators' views show it (the message list and the Integrations overview). */
export function deliveryMessage(m: OutboxMessage): DeliveryMessage {
  return {
    id: m.id,
    kind: m.kind,
    destination: m.destination,
    eventType: m.eventType,
    eventId: m.eventId,
    status: m.status,
    attempts: m.attempts,
    nextAttemptAt: m.status === "pending" ? m.nextAttemptAt.toISOString() : null,
    lastStatus: m.lastStatus,
    lastError: m.lastError,
    createdAt: m.createdAt.toISOString(),
    deliveredAt: m.deliveredAt?.toISOString() ?? null,
  };
}
