import { checkDestination, type DestinationOptions } from "./check-destination";
import { describeFetchError } from "./describe-fetch-error";
import { parseRetryAfter } from "./parse-retry-after";
import { readResponseText } from "./read-response-text";
import { redactSecrets } from "./redact-secrets";
import { runWithDeadline } from "./run-with-deadline";
import type { SendResult, Transport } from "./transport";

/** The payload of an "api-call" message. */
export interface ApiCall {
  method: "POST" | "PUT" | "PATCH" | "DELETE";
  /** Appended to the base URL, e.g. `/api/bids`. */
  path: string;
  body?: unknown;
  /** Defaults to the message id, which is stable across retries. */
  idempotencyKey?: string;
  /** Extra request headers, e.g. which organization of the caller acts. They never replace the key headers. */
  headers?: Record<string, string>;
}

export interface ApiCallTransportOptions extends DestinationOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs?: number;
}

const EXCERPT_LENGTH = 500;
// Enough for any JSON answer an API call returns; more is not held in memory.
const BODY_LIMIT = 1_000_000;
// Worth trying again: timeouts, "too early", rate limits, and a key the other side does not take (401) or lets do too
// little (403) — an operator's fix, after which the queued calls go through instead of failing for good. Every other
// 4xx will get the same answer next time.
const RETRYABLE_CLIENT_ERRORS = new Set([401, 403, 408, 425, 429]);

/**
 * Calls another service's API with an API key. The Idempotency-Key stays the same on every attempt, so a call whose
 * answer was lost takes effect once and the retry gets the same answer back.
 */
export function apiCallTransport(options: ApiCallTransportOptions): Transport {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const base = options.baseUrl.replace(/\/+$/, "");
  return {
    async send(message, signal) {
      const call = message.payload as Partial<ApiCall> | null;
      if (!call || typeof call.method !== "string" || typeof call.path !== "string" || !call.path.startsWith("/")) {
        return { outcome: "refused", error: "The message is not an API call: it needs a method and a path from /." };
      }
      const result = await request(`${base}${call.path}`, call as ApiCall, call.idempotencyKey ?? message.id, signal);
      return {
        ...result,
        error: redactSecrets(result.error, [options.apiKey]),
        responseExcerpt: redactSecrets(result.responseExcerpt, [options.apiKey]),
      };
    },
  };

  async function request(url: string, call: ApiCall, idempotencyKey: string, signal: AbortSignal): Promise<SendResult> {
    const started = performance.now();
    try {
      const destination = await checkDestination(url, options);
      if (!destination.allowed) return { outcome: "refused", error: destination.reason };
      // Set, not merged: a call's own headers never replace the key headers, whatever their letter case.
      const headers = new Headers(call.headers);
      headers.set("accept", "application/json");
      headers.set("x-api-key", options.apiKey);
      headers.set("idempotency-key", idempotencyKey);
      if (call.body !== undefined) headers.set("content-type", "application/json");
      // The timeout covers the whole answer, its body included.
      const { response, text } = await runWithDeadline(timeoutMs, signal, async (deadline) => {
        const response = await fetch(url, {
          method: call.method,
          headers,
          body: call.body === undefined ? undefined : JSON.stringify(call.body),
          redirect: "manual",
          signal: deadline,
        });
        return { response, text: await readResponseText(response, BODY_LIMIT) };
      });
      const status = response.status;
      const answer = {
        status,
        responseExcerpt: text.slice(0, EXCERPT_LENGTH),
        latencyMs: Math.round(performance.now() - started),
        body: parseJson(text),
      };
      if (response.ok) return { outcome: "delivered", ...answer };
      if (status >= 400 && status < 500 && !RETRYABLE_CLIENT_ERRORS.has(status)) {
        return { outcome: "refused", error: `${call.method} ${call.path} was refused with ${status}.`, ...answer };
      }
      const retryAfterMs =
        status === 429 || status === 503 ? parseRetryAfter(response.headers.get("retry-after")) : undefined;
      return { outcome: "retry", error: `${call.method} ${call.path} answered ${status}.`, retryAfterMs, ...answer };
    } catch (error) {
      return {
        outcome: "retry",
        error: describeFetchError(error, timeoutMs),
        latencyMs: Math.round(performance.now() - started),
      };
    }
  }
}

function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
