import type { Database } from "@lotbridge/db/database";
import { eq } from "drizzle-orm";
import { checkDestination, type DestinationOptions } from "./check-destination";
import { describeFetchError } from "./describe-fetch-error";
import { parseRetryAfter } from "./parse-retry-after";
import { readResponseText } from "./read-response-text";
import { redactSecrets } from "./redact-secrets";
import { runWithDeadline } from "./run-with-deadline";
import { setWebhookEndpointEnabled } from "./set-webhook-endpoint-enabled";
import { shareInFlight } from "./share-in-flight";
import { signWebhook } from "./sign-webhook";
import { type OutboxMessage, type WebhookEndpoint, webhookEndpoint } from "./tables";
import type { SendResult, Transport } from "./transport";

export interface WebhookTransportOptions extends DestinationOptions {
  db: Database;
  /** Sends every message to this endpoint; without it, each message's `destination` names its endpoint. */
  endpointId?: string;
  timeoutMs?: number;
}

const EXCERPT_LENGTH = 500;

/**
 * Posts the message's payload to a `webhook_endpoint`, signed by the Standard Webhooks scheme. The endpoint row is
 * read for every send and the signature made fresh, so a changed URL, a rotated secret or a disabled endpoint takes
 * effect on the next attempt, and the signed timestamp is always current. Sends that start while a read of their
 * endpoint is under way share it (a backlog to one endpoint would otherwise read its row once per message), and
 * likewise the check of its URL's addresses.
 */
export function webhookTransport(options: WebhookTransportOptions): Transport {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const readEndpoint = shareInFlight(async (id) => {
    const [endpoint] = await options.db.select().from(webhookEndpoint).where(eq(webhookEndpoint.id, id));
    return endpoint as WebhookEndpoint | undefined;
  });
  const checkUrl = shareInFlight((url) => checkDestination(url, options));
  return {
    async send(message, signal) {
      const endpointId = options.endpointId ?? message.destination;
      const endpoint = await readEndpoint(endpointId);
      if (!endpoint) return { outcome: "retry", error: `No webhook endpoint "${endpointId}" is configured.` };
      if (!endpoint.enabled) {
        return {
          outcome: "retry",
          error: `Not sent: the endpoint is disabled (${endpoint.disabledReason ?? "no reason recorded"}).`,
        };
      }
      // Only an attempt that was made counts for the endpoint's health; "disabled" or "missing" above were none.
      const result = { ...(await post(endpoint, message, signal)), endpointId: endpoint.id };
      if (result.status === 410) {
        await setWebhookEndpointEnabled(options.db, endpoint.id, {
          enabled: false,
          reason: `The receiver answered 410 Gone on ${new Date().toISOString()}.`,
          onlyForUrl: endpoint.url,
        });
      }
      // The key material, with or without its whsec_ prefix.
      const secrets = [endpoint.secret, endpoint.previousSecret].flatMap((s) =>
        s ? [s, s.replace(/^whsec_/, "")] : [],
      );
      return {
        ...result,
        error: redactSecrets(result.error, secrets),
        responseExcerpt: redactSecrets(result.responseExcerpt, secrets),
      };
    },
  };

  async function post(endpoint: WebhookEndpoint, message: OutboxMessage, signal: AbortSignal): Promise<SendResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const destination = await checkUrl(endpoint.url);
      if (!destination.allowed) return { outcome: "refused", error: destination.reason };
      const body = JSON.stringify(message.payload);
      const webhookId = message.eventId ?? message.id;
      const now = new Date();
      // The timeout covers the whole answer, its body included.
      const { response, responseExcerpt } = await runWithDeadline(timeoutMs, signal, async (deadline) => {
        const response = await fetch(endpoint.url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "user-agent": "lotbridge-webhooks",
            "webhook-id": webhookId,
            "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
            "webhook-signature": signWebhook(activeSecrets(endpoint, now), webhookId, now, body),
          },
          body,
          // A redirect would carry a signed message to a URL nobody configured; a moved receiver must be re-entered.
          redirect: "manual",
          signal: deadline,
        });
        return { response, responseExcerpt: await readResponseText(response, EXCERPT_LENGTH) };
      });
      const answer = { status: response.status, responseExcerpt, latencyMs: elapsed() };
      if (response.ok) return { outcome: "delivered", ...answer };
      if (response.status === 410) {
        return {
          outcome: "refused",
          error: "The receiver answered 410 Gone; the endpoint is now disabled.",
          ...answer,
        };
      }
      if (response.status >= 300 && response.status < 400) {
        const location = response.headers.get("location")?.slice(0, 200) ?? "nowhere";
        return {
          outcome: "retry",
          error: `The receiver answered ${response.status} redirecting to ${location}; redirects are not followed.`,
          ...answer,
        };
      }
      const retryAfterMs =
        response.status === 429 || response.status === 503
          ? parseRetryAfter(response.headers.get("retry-after"))
          : undefined;
      return { outcome: "retry", error: `The receiver answered ${response.status}.`, retryAfterMs, ...answer };
    } catch (error) {
      return { outcome: "retry", error: describeFetchError(error, timeoutMs), latencyMs: elapsed() };
    }
  }
}

function activeSecrets(endpoint: WebhookEndpoint, now: Date): string[] {
  const { secret, previousSecret, previousSecretExpiresAt } = endpoint;
  return previousSecret && previousSecretExpiresAt && previousSecretExpiresAt > now
    ? [secret, previousSecret]
    : [secret];
}
