import { Webhook, WebhookVerificationError } from "standardwebhooks";

export interface ReceivedWebhook {
  /** `webhook-id`: the sender's event id, the same on every retry. */
  id: string;
  /** The body's `type`. */
  type: string;
  timestamp: Date;
  /** The parsed body, for the handler to validate. */
  payload: Record<string, unknown>;
}

/**
 * What the receiver made of a verified event: acknowledged (2xx with `body`: applied, a duplicate, refused, or parked
 * after its last attempt) or to be sent again (500).
 */
export type Receipt = { acknowledge: Record<string, unknown> } | { retry: true };

export interface ReceiveOptions {
  /** Every secret currently accepted: during a rotation, the new and the old one. */
  secrets: string[];
  headers: Headers | Record<string, string | string[] | undefined>;
  /** The body exactly as received: the signature covers these bytes, not a re-serialisation. */
  rawBody: string;
  /** At most 300: the standardwebhooks library refuses anything older anyway. */
  toleranceSeconds?: number;
  /**
   * Applies the event exactly once and records it: deduplication and the inbox belong to the caller, which receives
   * events by other doors too (a feed reader), so both share one apply step.
   */
  apply: (event: ReceivedWebhook) => Promise<Receipt>;
  /** Told why `apply` threw; the sender only learns that it should retry. */
  onError?: (error: unknown) => void;
}

export interface ReceiveResult {
  status: number;
  /** JSON; a problem (RFC 9457) when status is 400 or more. */
  body: Record<string, unknown>;
}

const LIBRARY_TOLERANCE_SECONDS = 300;

/**
 * Verifies one incoming webhook and hands it to `apply`; a route sends back the status and body. Nothing unsigned,
 * stale or unreadable reaches `apply`. Its receipt is answered 200, or 500 when it asks for a retry or throws, so
 * that the sender tries again.
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
    const receipt = await options.apply(event);
    if ("acknowledge" in receipt) return { status: 200, body: receipt.acknowledge };
  } catch (error) {
    options.onError?.(error);
  }
  return problem(500, "webhook-not-applied", "The event could not be applied; send it again later.");
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
