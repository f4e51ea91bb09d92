import { notFound } from "@lotbridge/contract/problem";
import type { EndpointReplay } from "@lotbridge/contract/webhook-endpoint-admin";
import { replayEndpointMessages } from "@lotbridge/webhooks/replay-endpoint-messages";
import { webhookEndpoint } from "@lotbridge/webhooks/tables";
import { eq } from "drizzle-orm";
import type { BuyerDb } from "../db/database";

/**
 * Sends again what one endpoint missed in a time range (dead messages, and delivered ones if asked), with the same
 * event ids, so its receiver skips what it already has. A disabled endpoint gets them once it is enabled again.
 */
export async function replayEndpointRange(db: BuyerDb, id: string, range: EndpointReplay) {
  const [endpoint] = await db
    .select({ id: webhookEndpoint.id })
    .from(webhookEndpoint)
    .where(eq(webhookEndpoint.id, id));
  if (!endpoint) throw notFound("Webhook endpoint");
  const replayed = await replayEndpointMessages(db, id, {
    since: new Date(range.since),
    until: new Date(range.until),
    includeDelivered: range.includeDelivered,
  });
  return { endpointId: id, replayed };
}
