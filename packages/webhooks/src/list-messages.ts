import type { Database } from "@lotbridge/db/database";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { type OutboxMessage, type OutboxStatus, outboxMessage, webhookEndpoint } from "./tables";

export interface MessageQuery {
  status?: OutboxStatus;
  kind?: string;
  /** Only messages to this destination, e.g. one webhook endpoint's id. */
  destination?: string;
  /** Only webhooks to the endpoints of this subscriber (e.g. one producer platform). */
  subscriber?: string;
  /** Only the messages carrying this event (one per endpoint it was sent to). */
  eventId?: string;
  /** At most 200. */
  limit?: number;
  /** The id of the last message of the previous page: the page continues with older messages. */
  before?: string;
}

/** Messages newest first, for an admin page of the outbox. */
export async function listMessages(db: Database, query: MessageQuery = {}): Promise<OutboxMessage[]> {
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
  return db
    .select()
    .from(outboxMessage)
    .where(
      and(
        query.status ? eq(outboxMessage.status, query.status) : undefined,
        query.kind ? eq(outboxMessage.kind, query.kind) : undefined,
        query.destination ? eq(outboxMessage.destination, query.destination) : undefined,
        query.subscriber
          ? and(
              eq(outboxMessage.kind, "webhook"),
              inArray(
                outboxMessage.destination,
                db
                  .select({ id: webhookEndpoint.id })
                  .from(webhookEndpoint)
                  .where(eq(webhookEndpoint.subscriber, query.subscriber)),
              ),
            )
          : undefined,
        query.eventId ? eq(outboxMessage.eventId, query.eventId) : undefined,
        query.before
          ? sql`(${outboxMessage.createdAt}, ${outboxMessage.id}) < (select created_at, id from outbox_message where id = ${query.before})`
          : undefined,
      ),
    )
    .orderBy(desc(outboxMessage.createdAt), desc(outboxMessage.id))
    .limit(limit);
}
