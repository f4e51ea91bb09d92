import { Webhook, WebhookVerificationError } from "standardwebhooks";
import type { Database, Transaction } from "./database";
import { inboxMessage } from "./tables";

export interface ReceivedWebhook {
  /** `webhook-id`: the sender's event id, the same on every retry. */
  id: string;
  /** The body's `type`. */
  type: string;
  timestamp: Date;
  /** The parsed body, for the handler to validate. */
  payload: Record<string, unknown>;
}

export interface ReceiveOptions {
  db: Database;
  /** Every secret currently accepted: during a rotation, the new and the old one. */
  secrets: string[];
  headers: Headers | Record<string, string | string[] | undefined>;
  /** The body exactly as received: the signature covers these bytes, not a re-serialisation. */
  rawBody: string;
  /** At most 300: the standardwebhooks library refuses anything older anyway. */
  toleranceSeconds?: number;
  /** Applies the event. Runs in the transaction that records its id, so it takes effect exactly once. */
  handle: (tx: Transaction, event: ReceivedWebhook) => Promise<void>;
  /** Told why a handler failed; the sender only learns that it should retry. */
  onError?: (error: unknown) => void;
}

export interface ReceiveResult {
  status: number;
  /** JSON; a problem (RFC 9457) when status is 400 or more. */
  body: Record<string, unknown>;
}

const LIBRARY_TOLERANCE_SECONDS = 300;

/**
 * Verifies and applies one incoming webhook; a route sends back the status and body. A duplicate (same `webhook-id`)
 * is acknowledged without running the handler. A failing handler rolls back, its inbox row included, and answers
 * 500 so that the sender tries again.
 */
export async function receiveWebhook(options: ReceiveOptions): Promise<ReceiveResult> {
  const toleranceSeconds = options.toleranceSeconds ?? LIBRARY_TOLERANCE_SECONDS;
  if (toleranceSeconds > LIBRARY_TOLERANCE_SECONDS) {
    throw new RangeError(`toleranceSeconds can be at most ${LIBRARY_TOLERANCE_SECONDS}.`);
  }
  const secrets = options.secrets.filter((secret) => secret !== "");
  if (secrets.length === 0) throw new Error("receiveWebhook needs at least one secret.");
  const headers = lowerCaseHeaders(options.headers);
  const id = headers["webhook-id"];
  const timestampHeader = headers["webhook-timestamp"];
  if (!id || !timestampHeader || !headers["webhook-signature"]) {
    return problem(
      401,
      "webhook-unsigned",
      "The webhook-id, webhook-timestamp and webhook-signature headers are required.",
    );
  }
  const timestamp = Number(timestampHeader);
  if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > toleranceSeconds) {
    return problem(
      401,
      "webhook-timestamp-out-of-range",
      `The webhook-timestamp is more than ${toleranceSeconds} s away from this server's clock; it is refused as a possible replay.`,
    );
  }
  if (!secrets.some((secret) => verifies(secret, options.rawBody, headers))) {
    return problem(
      401,
      "webhook-signature-invalid",
      "No signature in webhook-signature matches this body and a known secret.",
    );
  }
  const payload = parseObject(options.rawBody);
  if (!payload || typeof payload.type !== "string") {
    return problem(400, "webhook-body-invalid", "The body must be a JSON object with a string `type`.");
  }
  const event: ReceivedWebhook = { id, type: payload.type, timestamp: new Date(timestamp * 1000), payload };
  try {
    const applied = await options.db.transaction(async (tx) => {
      const recorded = await tx
        .insert(inboxMessage)
        .values({ webhookId: id, eventType: event.type })
        .onConflictDoNothing()
        .returning({ webhookId: inboxMessage.webhookId });
      if (recorded.length === 0) return false;
      await options.handle(tx, event);
      return true;
    });
    return applied ? { status: 200, body: { received: true } } : { status: 200, body: { duplicate: true } };
  } catch (error) {
    options.onError?.(error);
    return problem(500, "webhook-not-applied", "The event could not be applied; send it again later.");
  }
}

function verifies(secret: string, rawBody: string, headers: Record<string, string>): boolean {
  try {
    new Webhook(secret).verify(rawBody, headers, { jsonParse: false });
    return true;
  } catch (error) {
    if (error instanceof WebhookVerificationError) return false;
    throw error;
  }
}

function lowerCaseHeaders(headers: ReceiveOptions["headers"]): Record<string, string> {
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  const lowered: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (value !== undefined) lowered[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return lowered;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function problem(status: number, code: string, detail: string): ReceiveResult {
  const title = status === 401 ? "Unauthenticated" : status === 400 ? "Bad request" : "Internal error";
  return { status, body: { type: `urn:lotbridge:problem:${code}`, title, status, detail } };
}
