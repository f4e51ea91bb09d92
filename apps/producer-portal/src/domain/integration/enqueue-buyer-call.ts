import type { ApiCall } from "@lotbridge/webhooks/api-call-transport";
import type { Database } from "@lotbridge/webhooks/database";
import { enqueueMessage } from "@lotbridge/webhooks/enqueue-message";

/** The outbox destination of every call to the buyer portal's API; the dispatcher's api-call transport sends it. */
export const BUYER_PORTAL = "buyer-portal";

/**
 * Queues a call to the buyer portal's API in the caller's transaction: it is sent only if that transaction commits,
 * and sent again until the buyer portal answers, always with the same Idempotency-Key.
 */
export function enqueueBuyerCall(tx: Database, call: ApiCall & { idempotencyKey: string }): Promise<string> {
  return enqueueMessage(tx, { kind: "api-call", destination: BUYER_PORTAL, payload: call });
}
