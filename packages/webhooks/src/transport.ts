import type { OutboxMessage } from "./tables";

export interface SendResult {
  /** `retry`: failed, try again on schedule; `refused`: failed for good, never retried. */
  outcome: "delivered" | "retry" | "refused";
  /** The receiver's HTTP status, when there was an answer. */
  status?: number;
  /** A sentence for the delivery log; never a secret. */
  error?: string;
  /** The first bytes of the answer, for the delivery log. */
  responseExcerpt?: string;
  /** The receiver asked not to be called again before this long (Retry-After). */
  retryAfterMs?: number;
  /** Measured by the transport around the exchange itself; the dispatcher measures the whole send otherwise. */
  latencyMs?: number;
  /** The receiver's parsed answer, for hooks that record it. */
  body?: unknown;
  /** The webhook endpoint this attempt was made to: its health follows the outcome (track-endpoint-health.ts). */
  endpointId?: string;
}

/** Sends one kind of message. `signal` aborts when the dispatcher's lease on the message runs out. */
export interface Transport {
  send(message: OutboxMessage, signal: AbortSignal): Promise<SendResult>;
}
