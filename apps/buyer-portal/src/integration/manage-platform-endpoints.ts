import { DomainError, notFound } from "@lotbridge/contract/problem";
import type {
  NewWebhookEndpoint,
  WebhookEndpointChange,
  WebhookEndpointView,
} from "@lotbridge/contract/producer-platform";
import { newId } from "@lotbridge/db/new-id";
import { newWebhookSecret } from "@lotbridge/webhooks/new-webhook-secret";
import { saveWebhookEndpoint } from "@lotbridge/webhooks/save-webhook-endpoint";
import { setWebhookEndpointEnabled } from "@lotbridge/webhooks/set-webhook-endpoint-enabled";
import { type WebhookEndpoint, webhookEndpoint } from "@lotbridge/webhooks/tables";
import { and, eq, sql } from "drizzle-orm";
import type { BuyerDb, BuyerTx } from "../db/database";
import { producerPlatforms } from "./integration-tables";

/** An endpoint as operators see it: never its secrets. */
export function endpointView(row: WebhookEndpoint): WebhookEndpointView {
  return {
    id: row.id,
    platform: row.subscriber ?? "",
    url: row.url,
    eventTypes: row.eventTypes,
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    failingSince: row.failingSince?.toISOString() ?? null,
    previousSecretExpiresAt: row.previousSecretExpiresAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A new endpoint of a platform, with a fresh signing secret returned this once (the operator hands it over). */
export async function addEndpoint(
  db: BuyerDb,
  platformId: string,
  input: NewWebhookEndpoint,
): Promise<WebhookEndpointView & { secret: string }> {
  return db.transaction(async (tx) => {
    const [platform] = await tx
      .select({ id: producerPlatforms.id })
      .from(producerPlatforms)
      .where(eq(producerPlatforms.id, platformId));
    if (!platform) throw notFound("Producer platform");
    const secret = newWebhookSecret();
    const id = newId("whe");
    await saveWebhookEndpoint(tx, { id, url: input.url, secret });
    const [saved] = await tx
      .update(webhookEndpoint)
      .set({ subscriber: platformId, eventTypes: input.eventTypes })
      .where(eq(webhookEndpoint.id, id))
      .returning();
    return { ...endpointView(saved), secret };
  });
}

/**
 * Changes an endpoint's URL, event-type filter or enabled state. A new URL is a new receiver: it is enabled and its
 * health clock restarts (save-webhook-endpoint.ts). Enabling sends what waited at once (set-webhook-endpoint-enabled).
 */
export async function changeEndpoint(
  db: BuyerDb,
  platformId: string,
  endpointId: string,
  change: WebhookEndpointChange,
  actor: string,
): Promise<WebhookEndpointView> {
  return db.transaction(async (tx) => {
    const current = await lockEndpoint(tx, platformId, endpointId);
    if (change.url !== undefined && change.url !== current.url) {
      await saveWebhookEndpoint(tx, { id: endpointId, url: change.url, secret: current.secret });
    }
    if (change.eventTypes !== undefined) {
      await tx
        .update(webhookEndpoint)
        .set({ eventTypes: change.eventTypes, updatedAt: sql`now()` })
        .where(eq(webhookEndpoint.id, endpointId));
    }
    if (change.enabled === true) await setWebhookEndpointEnabled(tx, endpointId, { enabled: true });
    if (change.enabled === false) {
      const reason = `Disabled by ${actor} on ${new Date().toISOString()}.`;
      await setWebhookEndpointEnabled(tx, endpointId, { enabled: false, reason });
    }
    const [saved] = await tx.select().from(webhookEndpoint).where(eq(webhookEndpoint.id, endpointId));
    return endpointView(saved);
  });
}

/**
 * A new signing secret for an endpoint. For `overlapHours` every webhook carries signatures by both the new and the
 * old secret, so the receiver keeps verifying while its operator switches secrets. Returns the new secret, shown once.
 */
export async function rotateEndpointSecret(
  db: BuyerDb,
  platformId: string,
  endpointId: string,
  overlapHours: number,
): Promise<string> {
  return db.transaction(async (tx) => {
    const current = await lockEndpoint(tx, platformId, endpointId);
    const secret = newWebhookSecret();
    await saveWebhookEndpoint(tx, {
      id: endpointId,
      url: current.url,
      secret,
      rotationOverlapMs: overlapHours * 3_600_000,
    });
    return secret;
  });
}

async function lockEndpoint(tx: BuyerTx, platformId: string, endpointId: string): Promise<WebhookEndpoint> {
  const [row] = await tx
    .select()
    .from(webhookEndpoint)
    .where(and(eq(webhookEndpoint.id, endpointId), eq(webhookEndpoint.subscriber, platformId)))
    .for("update");
  if (!row) throw new DomainError("not-found", 404, "This platform has no such webhook endpoint.");
  return row;
}
