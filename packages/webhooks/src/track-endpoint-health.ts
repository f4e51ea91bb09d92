import type { Transaction } from "@lotbridge/db/database";
import { and, eq, gt, isNotNull, isNull, notExists } from "drizzle-orm";
import { deliveryAttempt, outboxMessage, webhookEndpoint } from "./tables";
import type { SendResult } from "./transport";

/**
 * Keeps `failing_since` true to the endpoint's last attempts: the first failed attempt after a delivery starts the
 * clock (at the moment that attempt started), any delivery stops it. An endpoint failing long enough is disabled
 * (disable-failing-endpoints.ts). Runs in the transaction that records the attempt, so the two agree.
 */
export async function trackEndpointHealth(tx: Transaction, result: SendResult, attemptStartedAt: Date): Promise<void> {
  if (!result.endpointId) return;
  const endpoint = eq(webhookEndpoint.id, result.endpointId);
  if (result.outcome === "delivered") {
    await tx
      .update(webhookEndpoint)
      .set({ failingSince: null })
      .where(and(endpoint, isNotNull(webhookEndpoint.failingSince)));
    return;
  }
  // Sends overlap: a slow failure recorded after a later attempt was delivered says nothing about the endpoint now.
  const deliveredSince = tx
    .select({ id: deliveryAttempt.id })
    .from(deliveryAttempt)
    .innerJoin(outboxMessage, eq(outboxMessage.id, deliveryAttempt.messageId))
    .where(
      and(
        eq(outboxMessage.kind, "webhook"),
        eq(outboxMessage.destination, result.endpointId),
        eq(deliveryAttempt.outcome, "delivered"),
        gt(deliveryAttempt.startedAt, attemptStartedAt),
      ),
    );
  await tx
    .update(webhookEndpoint)
    .set({ failingSince: attemptStartedAt })
    .where(and(endpoint, isNull(webhookEndpoint.failingSince), notExists(deliveredSince)));
}
