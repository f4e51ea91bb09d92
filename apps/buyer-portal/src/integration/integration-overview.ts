import { listMessages } from "@lotbridge/webhooks/list-messages";
import { deliveryAttempt, outboxMessage } from "@lotbridge/webhooks/tables";
import { desc, eq, sql } from "drizzle-orm";
import type { BuyerDb } from "../db/database";
import { deliveryMessage } from "./endpoint-messages";
import { integrationEvents, pongs } from "./integration-tables";
import { listApiKeys } from "./manage-api-keys";
import { producerEndpoint } from "./producer-endpoint";

/**
 * Everything the Integrations page shows: the first platform's endpoint, the message counts, the latest messages
 * (optionally of one status, or to one platform's endpoints) with their destination and last attempt, the API keys
 * (never their secrets) and the last ping's answer.
 */
export async function integrationOverview(
  db: BuyerDb,
  options: { status?: string; platform?: string; limit?: number } = {},
) {
  const endpoint = await producerEndpoint(db);
  const counts = await db
    .select({ status: outboxMessage.status, count: sql<number>`count(*)::int` })
    .from(outboxMessage)
    .groupBy(outboxMessage.status);
  const [lastFailure] = await db
    .select()
    .from(deliveryAttempt)
    .where(eq(deliveryAttempt.outcome, "failed"))
    .orderBy(desc(deliveryAttempt.startedAt))
    .limit(1);
  const [lastSuccess] = await db
    .select()
    .from(deliveryAttempt)
    .where(eq(deliveryAttempt.outcome, "delivered"))
    .orderBy(desc(deliveryAttempt.startedAt))
    .limit(1);
  const messages = await listMessages(db, {
    status: options.status as never,
    subscriber: options.platform,
    limit: options.limit ?? 50,
  });
  const [lastPing] = await db
    .select({ id: integrationEvents.id, sentAt: integrationEvents.createdAt, answeredAt: pongs.receivedAt })
    .from(integrationEvents)
    .leftJoin(pongs, eq(pongs.pingEventId, integrationEvents.id))
    .where(eq(integrationEvents.type, "ping"))
    .orderBy(desc(integrationEvents.seq))
    .limit(1);
  return {
    endpoint: endpoint && {
      url: endpoint.url,
      enabled: endpoint.enabled,
      disabledReason: endpoint.disabledReason,
      previousSecretExpiresAt: endpoint.previousSecretExpiresAt?.toISOString() ?? null,
    },
    counts: Object.fromEntries(counts.map((c) => [c.status, c.count])) as Record<string, number>,
    lastSuccessAt: lastSuccess?.startedAt.toISOString() ?? null,
    lastFailure: lastFailure && {
      at: lastFailure.startedAt.toISOString(),
      statusCode: lastFailure.statusCode,
      error: lastFailure.error,
    },
    messages: messages.map(deliveryMessage),
    apiKeys: await listApiKeys(db),
    lastPing: lastPing && {
      id: lastPing.id,
      sentAt: lastPing.sentAt.toISOString(),
      answeredAt: lastPing.answeredAt?.toISOString() ?? null,
    },
  };
}

export type IntegrationOverview = Awaited<ReturnType<typeof integrationOverview>>;
