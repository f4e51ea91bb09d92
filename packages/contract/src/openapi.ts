import { organizationScopes, platformScopes } from "./api-key-scope";
import { eventCatalog, eventTypes } from "./event-catalog";
import { API_VERSION, eventComponentName } from "./event-envelope";
import { problemResponses } from "./openapi-operation";
import { idParameter, paths } from "./openapi-paths";
import { adminPaths } from "./openapi-paths-admin";
import { deliveriesPaths } from "./openapi-paths-deliveries";
import { deliveryPaths } from "./openapi-paths-delivery";
import { organizationPaths } from "./openapi-paths-organization";
import { platformPaths } from "./openapi-paths-platforms";
import { componentSchemas, type JsonObject, type OpenApiDocument, parameterRef, schemaRef } from "./openapi-schemas";

export type { OpenApiDocument };

function webhooks(): OpenApiDocument["webhooks"] {
  return Object.fromEntries(
    eventTypes.map((type) => [
      type,
      {
        post: {
          operationId: `${eventComponentName(type).replace(/Event$/, "")}Webhook`.replace(/^./, (c) => c.toLowerCase()),
          tags: ["Webhooks"],
          summary: type,
          description:
            `${eventCatalog[type].description}\n\nSent to the producer portal's webhook endpoint, signed with ` +
            "Standard Webhooks. Verify the signature, acknowledge duplicates of a `webhook-id` you already " +
            "processed, and apply the snapshot only if its `data.version` is newer than the one you hold.",
          parameters: [parameterRef("WebhookId"), parameterRef("WebhookTimestamp"), parameterRef("WebhookSignature")],
          requestBody: {
            required: true,
            content: { "application/json": { schema: schemaRef(eventComponentName(type)) } },
          },
          responses: {
            "2XX": { description: "Received. Answer within 15 seconds; anything else is retried with backoff." },
            410: { description: "The endpoint is gone: the buyer portal disables it and stops sending." },
          },
        },
      },
    ]),
  );
}

function parameters(): Record<string, JsonObject> {
  return {
    LotId: idParameter("id", "lot", "The lot's id (lot_…)."),
    BidId: idParameter("id", "bid", "The bid's id (bid_…)."),
    OfferId: idParameter("offerId", "ofr", "The offer's id (ofr_…); it must be the latest pending offer."),
    ContractId: idParameter("id", "ct", "The contract's id (ct_…)."),
    TicketId: idParameter("ticketId", "tkt", "The ticket's id (tkt_…)."),
    ProducerOrganization: {
      name: "X-Producer-Organization",
      in: "header",
      required: true,
      description:
        "The producer organization the call is made for: the `bidder.organizationId` the bid was placed with. A bid " +
        "of another organization (or placed by another platform) answers 404.",
      schema: { type: "string", minLength: 1, maxLength: 200 },
    },
    ProducerOrganizationOfPlatform: {
      name: "X-Producer-Organization",
      in: "header",
      required: false,
      description:
        "Required with a producer platform's key: the producer organization that is the contract's producer party. " +
        "A buyer organization's key or a buyer user's session reads its own organization's contracts without it.",
      schema: { type: "string", minLength: 1, maxLength: 200 },
    },
    IdempotencyKey: {
      name: "Idempotency-Key",
      in: "header",
      required: true,
      description:
        "A unique key per change, e.g. a UUID; without one the call is refused with 400. Retrying with the same key " +
        "and body returns the first answer (with `idempotent-replayed: true`); reusing it with a different body is " +
        "refused with 409. Keys are kept per API key.",
      schema: { type: "string", minLength: 1, maxLength: 255 },
    },
    IdempotencyKeyOptional: {
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description:
        "Send one (e.g. the id of the message in your outbox) so that a retry gets the first answer, marked " +
        "`idempotent-replayed: true`, instead of acting twice or being refused; reusing it with a different body is " +
        "refused with 409. Honoured for API keys.",
      schema: { type: "string", minLength: 1, maxLength: 255 },
    },
    WebhookId: {
      name: "webhook-id",
      in: "header",
      required: true,
      description: "The message id, equal to the body's `id`; identical on every retry, so dedupe by it.",
      schema: { type: "string" },
    },
    WebhookTimestamp: {
      name: "webhook-timestamp",
      in: "header",
      required: true,
      description: "Unix time in seconds when this attempt was signed; refuse it when more than 5 minutes off.",
      schema: { type: "string", pattern: "^\\d+$" },
    },
    WebhookSignature: {
      name: "webhook-signature",
      in: "header",
      required: true,
      description:
        'Space-separated signatures `v1,<base64>`: HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>" keyed ' +
        "with the base64-decoded part of the `whsec_…` secret. During secret rotation there may be several; one " +
        "valid signature is enough.",
      schema: { type: "string" },
    },
  };
}

function responses(): Record<string, JsonObject> {
  return Object.fromEntries(
    Object.values(problemResponses).map(([name, description]) => [
      name,
      {
        description,
        ...(name === "TooManyRequests"
          ? { headers: { "Retry-After": { $ref: "#/components/headers/RetryAfter" } } }
          : {}),
        content: { "application/problem+json": { schema: schemaRef("Problem") } },
      },
    ]),
  );
}

const headers: Record<string, JsonObject> = {
  IdempotentReplayed: {
    description: "`true` when this is the stored answer to an earlier request with the same Idempotency-Key.",
    schema: { type: "string", enum: ["true"] },
  },
  LotVersion: {
    description: 'The lot\'s version in quotes, e.g. `"3"`; send it back as `If-Match` when you edit the lot.',
    schema: { type: "string" },
  },
  RetryAfter: {
    description: "Seconds to wait before trying again.",
    schema: { type: "string", pattern: "^\\d+$" },
  },
};

/**
 * Every section of the document: the platform API, the operators' administration, subscribers, delivery, and the
 * buyer organization's API (its lots and contracts, also called by its pages with a member's session). Each operation
 * is written once: a path and method two sections both describe is an error, so neither can silently hide the other.
 */
function allPaths(queries: Record<string, JsonObject>): OpenApiDocument["paths"] {
  const sections = [
    paths(queries),
    adminPaths(),
    platformPaths(queries),
    deliveryPaths(),
    deliveriesPaths(),
    organizationPaths(),
  ];
  const merged: OpenApiDocument["paths"] = {};
  for (const section of sections) {
    for (const [path, methods] of Object.entries(section)) {
      for (const method of Object.keys(methods)) {
        if (merged[path]?.[method]) throw new Error(`${method.toUpperCase()} ${path} is described by two sections.`);
      }
      merged[path] = { ...merged[path], ...methods };
    }
  }
  return merged;
}

const securitySchemes = {
  ApiKey: {
    type: "apiKey",
    in: "header",
    name: "X-API-Key",
    description:
      `An API key, of one of two kinds: a producer platform's (scopes ${platformScopes.join(", ")}) for the ` +
      `platform API, or a buyer organization's (scopes ${organizationScopes.join(", ")}) for its own lots, bids ` +
      "and contracts. Each operation names the scope it needs; a key of the other kind is refused with 403.",
  },
  BearerApiKey: {
    type: "http",
    scheme: "bearer",
    description: "The same API key sent as `Authorization: Bearer <key>`.",
  },
  BuyerSession: {
    type: "apiKey",
    in: "cookie",
    name: "lotbridge-buyer.session_token",
    description: "A buyer user's session from signing in to the buyer portal; for the buyer portal's own UI.",
  },
};

/** The buyer portal's API and webhooks as OpenAPI 3.1, built from the schemas the portals validate with. */
export function buildOpenApiDocument(): OpenApiDocument {
  const { schemas, queries } = componentSchemas();
  return {
    openapi: "3.1.0",
    info: {
      title: "Lotbridge buyer portal API",
      version: API_VERSION,
      description:
        "How the producer portal reads lots, places and negotiates bids and signs contracts on the buyer portal, " +
        'and the webhooks the buyer portal sends back. Money and volume are decimal strings ("245.50"), never ' +
        "numbers; times are ISO-8601 in UTC, and dates and times a caller sends fall in the years 2000–2100. Text " +
        "fields refuse control characters (tab allowed; line breaks too where the field is multi-line) and unpaired " +
        "surrogates. Every error is RFC 9457 `application/problem+json`.",
    },
    servers: [{ url: "http://localhost:3000", description: "The buyer portal's PUBLIC_URL" }],
    tags: [
      { name: "Lots", description: "Lots producers may bid on" },
      { name: "Bids", description: "Placing, revising, withdrawing and deciding bids" },
      { name: "Negotiation", description: "Counter-offers between buyer and producer" },
      { name: "Contracts", description: "Contracts, their PDF and signatures" },
      {
        name: "Deliveries",
        description: "Executing a contract: dispatches, weighbridge tickets, the ledger, fulfilment and settlement",
      },
      { name: "Events", description: "The ordered feed of every event sent to the producer portal" },
      { name: "Buyer lots", description: "A buyer organization's own lots: drafts, publishing, closing, cancelling" },
      { name: "Administration", description: "The operators' administration of the integration" },
      { name: "Service", description: "Health and this document" },
      { name: "Webhooks", description: "Events the buyer portal sends to the producer portal" },
    ],
    paths: allPaths(queries),
    webhooks: webhooks(),
    components: { schemas, responses: responses(), parameters: parameters(), headers, securitySchemes },
  };
}

/** The document exactly as committed in docs/openapi.json. */
export function renderOpenApiJson(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}
