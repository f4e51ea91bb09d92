import { checkDestination, type DestinationOptions } from "@lotbridge/webhooks/check-destination";
import { describeFetchError } from "@lotbridge/webhooks/describe-fetch-error";
import { readResponseText } from "@lotbridge/webhooks/read-response-text";
import { redactSecrets } from "@lotbridge/webhooks/redact-secrets";
import { runWithDeadline } from "@lotbridge/webhooks/run-with-deadline";
import createClient, { type Client } from "openapi-fetch";
import type { paths } from "./buyer-api";

export interface BuyerClientOptions extends DestinationOptions {
  /** The buyer portal's PUBLIC_URL (BUYER_PORTAL_URL). */
  baseUrl: string;
  apiKey: string;
  /** Covers the whole exchange, answer body included. */
  timeoutMs?: number;
  /** Characters of an answer held at most; a longer answer is a failure, not a truncated success. */
  bodyLimit?: number;
}

export type BuyerClient = Client<paths>;

/**
 * A call that got no usable answer: the destination was refused, nothing answered in time, or the answer was too
 * large. `permanent` when trying again cannot help (a destination this portal may not call).
 */
export class BuyerCallFailed extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = "BuyerCallFailed";
  }
}

const DEFAULT_BODY_LIMIT = 1_000_000;

/**
 * The producer portal's one way to call the buyer portal: an openapi-fetch client typed by buyer-api.d.ts, which is
 * generated from docs/openapi.json, so an operation, parameter or header the document lacks does not compile. Its
 * fetch keeps the protections of every outgoing call: the destination is checked (private and loopback addresses
 * only when allowed), redirects are answers rather than followed, one deadline covers request and body, the body is
 * capped, and the API key never appears in an error.
 */
export function buyerClient(options: BuyerClientOptions): BuyerClient {
  return createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    fetch: guardedFetch(options),
  });
}

function guardedFetch(options: BuyerClientOptions): (request: Request) => Promise<Response> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  return async (request) => {
    const destination = await checkDestination(request.url, options);
    if (!destination.allowed) throw new BuyerCallFailed(destination.reason, true);
    // Set, not merged: nothing a call passes replaces the key header.
    const headers = new Headers(request.headers);
    headers.set("accept", "application/json");
    headers.set("x-api-key", options.apiKey);
    const body = request.body ? await request.text() : undefined;
    try {
      return await runWithDeadline(timeoutMs, request.signal, async (deadline) => {
        const response = await fetch(request.url, {
          method: request.method,
          headers,
          body,
          redirect: "manual",
          signal: deadline,
        });
        const text = await readResponseText(response, bodyLimit + 1);
        if (text.length > bodyLimit) {
          throw new BuyerCallFailed(`The answer was larger than ${bodyLimit} characters and was not read.`, false);
        }
        const empty = text === "" || response.status === 204 || response.status === 304;
        return new Response(empty ? null : text, { status: response.status, headers: response.headers });
      });
    } catch (error) {
      if (error instanceof BuyerCallFailed) throw error;
      const sentence = describeFetchError(error, timeoutMs);
      throw new BuyerCallFailed(redactSecrets(sentence, [options.apiKey]) ?? sentence, false);
    }
  };
}
