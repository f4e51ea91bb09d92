import type { Database } from "@lotbridge/db/database";
import { and, eq, inArray, sql } from "drizzle-orm";
import { deliveryAttempt, outboxMessage, webhookEndpoint } from "./tables";

/** How one webhook endpoint is doing, for an admin page or API. Times are Dates; the caller formats them. */
export interface EndpointHealth {
  id: string;
  subscriber: string | null;
  url: string;
  enabled: boolean;
  disabledReason: string | null;
  /** Since when every attempt has failed; null while it delivers (or before its first attempt). */
  failingSince: Date | null;
  lastDeliveredAt: Date | null;
  /** Attempts that failed or were refused in the 24 hours before `now`. */
  failedLast24h: number;
  /** Messages still to be sent to it, including those waiting while it is disabled. */
  pending: number;
  /** Messages given up on; replay them once the receiver is fixed. */
  dead: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The health of every webhook endpoint (or of those named), in the order they were created. A webhook message's
 * `destination` is its endpoint's id, so counts are per endpoint even when several serve one subscriber.
 */
export async function endpointHealth(
  db: Database,
  options: { ids?: string[]; now?: Date } = {},
): Promise<EndpointHealth[]> {
  const since = new Date((options.now ?? new Date()).getTime() - DAY_MS);
  const endpoints = await db
    .select()
    .from(webhookEndpoint)
    .where(options.ids ? inArray(webhookEndpoint.id, options.ids) : undefined)
    .orderBy(webhookEndpoint.createdAt, webhookEndpoint.id);
  if (endpoints.length === 0) return [];
  const ids = endpoints.map((endpoint) => endpoint.id);
  const ofTheseEndpoints = and(eq(outboxMessage.kind, "webhook"), inArray(outboxMessage.destination, ids));
  const messages = await db
    .select({
      id: outboxMessage.destination,
      pending: sql<number>`count(*) filter (where ${outboxMessage.status} = 'pending')::int`,
      dead: sql<number>`count(*) filter (where ${outboxMessage.status} = 'dead')::int`,
    })
    .from(outboxMessage)
    .where(and(ofTheseEndpoints, inArray(outboxMessage.status, ["pending", "dead"])))
    .groupBy(outboxMessage.destination);
  const attempts = await db
    .select({
      id: outboxMessage.destination,
      lastDeliveredAt: sql<Date | null>`max(${deliveryAttempt.startedAt}) filter (where ${deliveryAttempt.outcome} = 'delivered')`,
      failedLast24h: sql<number>`count(*) filter (where ${deliveryAttempt.outcome} <> 'delivered' and ${deliveryAttempt.startedAt} > ${since})::int`,
    })
    .from(deliveryAttempt)
    .innerJoin(outboxMessage, eq(outboxMessage.id, deliveryAttempt.messageId))
    .where(ofTheseEndpoints)
    .groupBy(outboxMessage.destination);
  const countsOf = new Map(messages.map((row) => [row.id, row]));
  const attemptsOf = new Map(attempts.map((row) => [row.id, row]));
  return endpoints.map((endpoint) => {
    const lastDelivered = attemptsOf.get(endpoint.id)?.lastDeliveredAt;
    return {
      id: endpoint.id,
      subscriber: endpoint.subscriber,
      url: endpoint.url,
      enabled: endpoint.enabled,
      disabledReason: endpoint.disabledReason,
      failingSince: endpoint.failingSince,
      // An aggregate in a raw select comes back as text.
      lastDeliveredAt: lastDelivered ? new Date(lastDelivered) : null,
      failedLast24h: attemptsOf.get(endpoint.id)?.failedLast24h ?? 0,
      pending: countsOf.get(endpoint.id)?.pending ?? 0,
      dead: countsOf.get(endpoint.id)?.dead ?? 0,
    };
  });
}
