import { DomainError } from "@lotbridge/contract/problem";
import { newWebhookSecret } from "@lotbridge/webhooks/new-webhook-secret";
import { saveWebhookEndpoint } from "@lotbridge/webhooks/save-webhook-endpoint";
import { type WebhookEndpoint, webhookEndpoint } from "@lotbridge/webhooks/tables";
import { eq } from "drizzle-orm";
import type { BuyerDb } from "../../db/database";
import { PRODUCER_ENDPOINT_ID } from "./publish-event";

export async function producerEndpoint(db: BuyerDb): Promise<WebhookEndpoint | undefined> {
  const [row] = await db.select().from(webhookEndpoint).where(eq(webhookEndpoint.id, PRODUCER_ENDPOINT_ID));
  return row;
}

/**
 * Applies PRODUCER_DASHBOARD_WEBHOOK_URL / _SECRET at start. The URL always follows the configuration. The secret
 * does too, unless it is one the endpoint already knows: after an admin rotated the secret on the Integrations page,
 * the configuration still holds the old one, and a restart must not undo the rotation.
 */
export async function configureProducerEndpoint(db: BuyerDb, url: string, secret: string): Promise<WebhookEndpoint> {
  const current = await producerEndpoint(db);
  const known = current && (current.secret === secret || current.previousSecret === secret);
  return saveWebhookEndpoint(db, { id: PRODUCER_ENDPOINT_ID, url, secret: known ? current.secret : secret });
}

/**
 * A new signing secret for the producer endpoint. For `overlapHours` every webhook carries signatures by both the
 * new and the old secret, so the producer portal keeps verifying while its operator switches BUYER_WEBHOOK_SECRET.
 * Returns the new secret, shown once.
 */
export async function rotateWebhookSecret(db: BuyerDb, overlapHours: number): Promise<string> {
  const current = await producerEndpoint(db);
  if (!current) throw new DomainError("not-found", 404, "The producer portal's webhook endpoint is not configured.");
  const secret = newWebhookSecret();
  await saveWebhookEndpoint(db, {
    id: PRODUCER_ENDPOINT_ID,
    url: current.url,
    secret,
    rotationOverlapMs: overlapHours * 3_600_000,
  });
  return secret;
}
