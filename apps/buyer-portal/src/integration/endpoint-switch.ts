import { notFound } from "@lotbridge/contract/problem";
import { setWebhookEndpointEnabled } from "@lotbridge/webhooks/set-webhook-endpoint-enabled";
import { webhookEndpoint } from "@lotbridge/webhooks/tables";
import { eq } from "drizzle-orm";
import type { BuyerDb } from "../db/database";

/**
 * An operator turns a webhook endpoint on or off. Enabling sends what waited for it at once and restarts its health
 * clock; dead messages stay dead until replayed. Disabling holds its messages, attempts untouched.
 */
export async function switchEndpoint(
  db: BuyerDb,
  id: string,
  change: { enabled: true } | { enabled: false; reason: string; by: string },
) {
  const switched = await setWebhookEndpointEnabled(
    db,
    id,
    change.enabled
      ? change
      : { enabled: false, reason: `Disabled by ${change.by} on ${new Date().toISOString()}: ${change.reason}` },
  );
  if (!switched) throw notFound("Webhook endpoint");
  const [endpoint] = await db
    .select({
      id: webhookEndpoint.id,
      enabled: webhookEndpoint.enabled,
      disabledReason: webhookEndpoint.disabledReason,
    })
    .from(webhookEndpoint)
    .where(eq(webhookEndpoint.id, id));
  return endpoint;
}
