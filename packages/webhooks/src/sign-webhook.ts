import { Webhook } from "standardwebhooks";

/**
 * The `webhook-signature` header for one send: a `v1,<signature>` per secret, space separated as Standard Webhooks
 * allows, so that during a rotation receivers knowing either the new or the old secret accept the message.
 */
export function signWebhook(secrets: string[], webhookId: string, timestamp: Date, body: string): string {
  return secrets.map((secret) => new Webhook(secret).sign(webhookId, timestamp, body)).join(" ");
}
