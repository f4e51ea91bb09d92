import type { Database } from "@lotbridge/db/database";
import { sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { type WebhookEndpoint, webhookEndpoint } from "./tables";

export interface EndpointSettings {
  id: string;
  url: string;
  /** `whsec_…` */
  secret: string;
  /** How long the replaced secret keeps signing beside the new one. */
  rotationOverlapMs?: number;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Creates or updates an endpoint, e.g. from configuration at every start. A changed secret starts a rotation: the old
 * one keeps signing beside the new one for the overlap, so the receiver can switch secrets without losing messages.
 * A changed URL re-enables an endpoint that its old URL had disabled, and restarts its health clock.
 */
export async function saveWebhookEndpoint(db: Database, settings: EndpointSettings): Promise<WebhookEndpoint> {
  try {
    new Webhook(settings.secret);
  } catch {
    throw new Error(`The secret of webhook endpoint "${settings.id}" must be "whsec_" followed by base64.`);
  }
  const overlapSeconds = (settings.rotationOverlapMs ?? DAY) / 1000;
  const secretChanged = sql`${webhookEndpoint.secret} <> excluded.secret`;
  const urlChanged = sql`${webhookEndpoint.url} <> excluded.url`;
  const [saved] = await db
    .insert(webhookEndpoint)
    .values({ id: settings.id, url: settings.url, secret: settings.secret })
    .onConflictDoUpdate({
      target: webhookEndpoint.id,
      set: {
        url: sql`excluded.url`,
        secret: sql`excluded.secret`,
        previousSecret: sql`case when ${secretChanged} then ${webhookEndpoint.secret} else ${webhookEndpoint.previousSecret} end`,
        previousSecretExpiresAt: sql`case when ${secretChanged} then now() + make_interval(secs => ${overlapSeconds}) else ${webhookEndpoint.previousSecretExpiresAt} end`,
        enabled: sql`${webhookEndpoint.enabled} or ${urlChanged}`,
        disabledReason: sql`case when ${urlChanged} then null else ${webhookEndpoint.disabledReason} end`,
        // A new URL is a new receiver: the old one's failures say nothing about it.
        failingSince: sql`case when ${urlChanged} then null else ${webhookEndpoint.failingSince} end`,
        updatedAt: sql`now()`,
      },
    })
    .returning();
  return saved;
}
