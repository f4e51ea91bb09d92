import { parseRetryAfter } from "@lotbridge/webhooks/parse-retry-after";
import { redactSecrets } from "@lotbridge/webhooks/redact-secrets";
import type { OutboxMessage } from "@lotbridge/webhooks/tables";
import type { Transport } from "@lotbridge/webhooks/transport";
import { BuyerCallFailed, type BuyerClientOptions, buyerClient } from "./buyer-client";
import { type CommandBodies, type CommandKind, commands, isCommandKind } from "./commands-out";

const EXCERPT_LENGTH = 500;
// Worth trying again: timeouts, "too early", rate limits, and a key the buyer portal does not take (401) or lets do
// too little (403) — an operator's fix, after which the queued commands go through. Any other 4xx answers the same
// next time.
const RETRYABLE_CLIENT_ERRORS = new Set([401, 403, 408, 425, 429]);

/**
 * Sends the outbox's commands to the buyer portal through the generated client: the command's kind picks the typed
 * call, its event id is the Idempotency-Key on every attempt. A 2xx is delivered (its body goes to the answer
 * handlers), a 4xx the buyer portal will repeat is refused, anything else — 5xx, 3xx, no answer — is retried on
 * the schedule.
 */
export function commandTransport(options: BuyerClientOptions): Transport {
  const client = buyerClient(options);
  const redact = (text: string | undefined) => redactSecrets(text, [options.apiKey]);
  return {
    async send(message, signal) {
      const kind = message.eventType;
      if (!isCommandKind(kind)) return { outcome: "refused", error: `Unknown command kind ${String(kind)}.` };
      const started = performance.now();
      try {
        const { response, data, error } = await send(kind, message, signal);
        const body = response.ok ? data : error;
        const answer = {
          status: response.status,
          body,
          responseExcerpt: redact(body === undefined ? "" : JSON.stringify(body).slice(0, EXCERPT_LENGTH)),
          latencyMs: Math.round(performance.now() - started),
        };
        const call = commands[kind].call;
        if (response.ok) return { outcome: "delivered", ...answer };
        if (response.status >= 400 && response.status < 500 && !RETRYABLE_CLIENT_ERRORS.has(response.status)) {
          return { outcome: "refused", error: `${call} was refused with ${response.status}.`, ...answer };
        }
        const retryAfterMs =
          response.status === 429 || response.status === 503
            ? parseRetryAfter(response.headers.get("retry-after"))
            : undefined;
        return { outcome: "retry", error: `${call} answered ${response.status}.`, retryAfterMs, ...answer };
      } catch (error) {
        const permanent = error instanceof BuyerCallFailed && error.permanent;
        const sentence = error instanceof Error ? error.message : String(error);
        return {
          outcome: permanent ? "refused" : "retry",
          error: redact(sentence),
          latencyMs: Math.round(performance.now() - started),
        };
      }
    },
  };

  function send<K extends CommandKind>(kind: K, message: OutboxMessage, signal: AbortSignal) {
    const key = message.eventId ?? message.id;
    return commands[kind].send(client, message.payload as CommandBodies[K], key, signal);
  }
}

/** "POST /api/bids" for a command message; what the Integration page shows instead of its body. */
export function describeCommand(message: Pick<OutboxMessage, "eventType">): string {
  return isCommandKind(message.eventType) ? commands[message.eventType].call : String(message.eventType ?? "?");
}
