import { saveWebhookEndpoint } from "@lotbridge/webhooks/save-webhook-endpoint";
import { type WebhookEndpoint, webhookEndpoint } from "@lotbridge/webhooks/tables";
import { eq } from "drizzle-orm";
import type { BuyerDb } from "../db/database";
import { rotateEndpointSecret } from "./manage-platform-endpoints";

/**
 * The first producer platform, our own producer portal: the platform PRODUCER_API_KEY is seeded for, and the id of
 * the endpoint PRODUCER_DASHBOARD_WEBHOOK_URL / _SECRET configure. Every other platform is created by an operator.
 */
export const FIRST_PLATFORM_ID = "producer-portal";

export async function producerEndpoint(db: BuyerDb): Promise<WebhookEndpoint | undefined> {
  const [row] = await db.select().from(webhookEndpoint).where(eq(webhookEndpoint.id, FIRST_PLATFORM_ID));
  return row;
}

/**
 * Applies PRODUCER_DASHBOARD_WEBHOOK_URL / _SECRET at start, as the first platform's endpoint. The URL always follows
 * the configuration. The secret does too, unless it is one the endpoint already knows: after an operator rotated the
 * secret on the Integrations page, the configuration still holds the old one, and a restart must not undo the
 * rotation. Its event-type filter and enabled state are the operators' and stay as they left them.
 */
export async function configureProducerEndpoint(db: BuyerDb, url: string, secret: string): Promise<WebhookEndpoint> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(webhookEndpoint).where(eq(webhookEndpoint.id, FIRST_PLATFORM_ID));
    const known = current && (current.secret === secret || current.previousSecret === secret);
    await saveWebhookEndpoint(tx, { id: FIRST_PLATFORM_ID, url, secret: known ? current.secret : secret });
    const [saved] = await tx
      .update(webhookEndpoint)
      .set({ subscriber: FIRST_PLATFORM_ID })
      .where(eq(webhookEndpoint.id, FIRST_PLATFORM_ID))
      .returning();
    return saved;
  });
}

/** A new signing secret for the first platform's endpoint (the Integrations page's "rotate secret"); shown once. */
export async function rotateWebhookSecret(db: BuyerDb, overlapHours: number): Promise<string> {
  return rotateEndpointSecret(db, FIRST_PLATFORM_ID, FIRST_PLATFORM_ID, overlapHours);
}
