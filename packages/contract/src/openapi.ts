import { z } from "zod";
import { type ApiKeyScope, apiKeyScopes } from "./api-key-scope";
import { bidSchema } from "./bid";
import { bidDecisionSchema } from "./bid-decision";
import { bidRevisionSchema } from "./bid-revision";
import { bidSubmissionSchema } from "./bid-submission";
import { contractSchema } from "./contract";
import { counterOfferInputSchema } from "./counter-offer-input";
import { eventCatalog, eventTypes } from "./event-catalog";
import { API_VERSION, eventComponentName, eventEnvelopeSchema, eventEnvelopeSchemas } from "./event-envelope";
import { eventFeedPageSchema, eventFeedQuerySchema } from "./event-feed";
import { healthSchema } from "./health";
import { lotSchema } from "./lot";
import { lotListingQuerySchema, lotPageSchema } from "./lot-listing";
import { offerRejectionSchema } from "./offer-rejection";
import { pongInputSchema, pongSchema } from "./pong";
import { prefixedId } from "./prefixed-id";
import { problemSchema } from "./problem";
import { signatureInputSchema } from "./signature-input";

type JsonObject = { [key: string]: unknown };

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: JsonObject[];
  tags: JsonObject[];
  paths: Record<string, Record<string, JsonObject>>;
  webhooks: Record<string, { post: JsonObject }>;
  components: {
    schemas: Record<string, JsonObject>;
    responses: Record<string, JsonObject>;
    parameters: Record<string, JsonObject>;
    securitySchemes: Record<string, JsonObject>;
  };
};

const schemaRef = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const parameterRef = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const responseRef = (name: string) => ({ $ref: `#/components/responses/${name}` });

/** Request bodies and queries are documented as clients send them (defaults optional, strings coerced). */
const requestSchemas = [
  bidSubmissionSchema,
  bidRevisionSchema,
  bidDecisionSchema,
  counterOfferInputSchema,
  offerRejectionSchema,
  signatureInputSchema,
  pongInputSchema,
  lotListingQuerySchema,
  eventFeedQuerySchema,
];
const querySchemas = [lotListingQuerySchema, eventFeedQuerySchema];

/** Responses and event bodies are documented as the portal sends them. */
const responseSchemas = [
  lotSchema,
  lotPageSchema,
  bidSchema,
  contractSchema,
  problemSchema,
  healthSchema,
  pongSchema,
  eventEnvelopeSchema,
  eventFeedPageSchema,
  ...eventTypes.map((type) => eventEnvelopeSchemas[type]),
];

function componentId(schema: z.ZodType): string {
  const id = z.globalRegistry.get(schema)?.id;
  if (!id) throw new Error("Every schema in the OpenAPI document needs .meta({ id }) to become a component.");
  return id;
}

/** zod's output noise that says nothing to an API reader. */
function tidy({ jsonSchema }: { jsonSchema: JsonObject }) {
  // Responses may gain fields in a later API version; readers must not be told to refuse them.
  if (jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
  // The format already names the rule; zod's long regular expression for it helps no one.
  if (jsonSchema.format === "date-time" || jsonSchema.format === "date" || jsonSchema.format === "email") {
    delete jsonSchema.pattern;
  }
}

function pointRefsAtComponents(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pointRefsAtComponents);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) =>
      key === "$ref" && typeof inner === "string"
        ? [key, inner.replace("#/$defs/", "#/components/schemas/")]
        : [key, pointRefsAtComponents(inner)],
    ),
  );
}

/** Every schema with a meta id reachable from `roots` becomes a component; references point at components. */
function definitions(roots: z.ZodType[], io: "input" | "output"): Record<string, JsonObject> {
  const root = z.object(Object.fromEntries(roots.map((schema) => [componentId(schema), schema])));
  const json = z.toJSONSchema(root, { io, target: "draft-2020-12", unrepresentable: "throw", override: tidy });
  return pointRefsAtComponents(json.$defs ?? {}) as Record<string, JsonObject>;
}

function componentSchemas() {
  const requests = definitions(requestSchemas, "input");
  const responses = definitions(responseSchemas, "output");
  for (const [id, schema] of Object.entries(requests)) {
    if (id in responses && JSON.stringify(responses[id]) !== JSON.stringify(schema)) {
      throw new Error(`Schema ${id} differs between requests and responses; give the request variant its own id.`);
    }
  }
  const queries = Object.fromEntries(
    querySchemas.map((schema) => [componentId(schema), requests[componentId(schema)]]),
  );
  const merged: Record<string, JsonObject> = { ...responses, ...requests };
  for (const id of Object.keys(queries)) delete merged[id];
  merged.EventEnvelope = {
    ...merged.EventEnvelope,
    discriminator: {
      propertyName: "type",
      mapping: Object.fromEntries(eventTypes.map((type) => [type, schemaRef(eventComponentName(type)).$ref])),
    },
  };
  const sorted = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { schemas: sorted, queries };
}

function queryParameters(query: JsonObject): JsonObject[] {
  const required = new Set((query.required as string[] | undefined) ?? []);
  return Object.entries(query.properties as Record<string, JsonObject>).map(([name, property]) => {
    const { description, ...schema } = property;
    return { name, in: "query", ...(required.has(name) ? { required: true } : {}), description, schema };
  });
}

function idParameter(name: string, prefix: string, description: string): JsonObject {
  const { $schema: _, ...schema } = z.toJSONSchema(prefixedId(prefix));
  return { name, in: "path", required: true, description, schema };
}

const problemResponses = {
  400: ["BadRequest", "The request is malformed: the body is not JSON, or a required header is missing."],
  401: ["Unauthenticated", "No valid credentials: the API key or session is missing, wrong, rotated or revoked."],
  403: ["Forbidden", "The credentials are valid but lack the scope or role this needs. Nothing was written."],
  404: ["NotFound", "Nothing with this id exists, or it is not visible to the caller."],
  409: ["Conflict", "The object's state does not allow this now (for example a bid that is no longer submitted)."],
  422: ["ValidationFailed", "A field is invalid; `errors` names each field with a sentence saying what to fix."],
} as const;

type ProblemStatus = keyof typeof problemResponses;

type Access = { scope: ApiKeyScope } | "any-api-key" | "buyer-session" | "public";

interface OperationSpec {
  operationId: string;
  tag: string;
  summary: string;
  description: string;
  access: Access;
  parameters?: JsonObject[];
  body?: { schema: string; required: boolean };
  success: { status: number; description: string; content?: JsonObject; schema?: string };
  otherResponses?: Record<string, JsonObject>;
  problems: ProblemStatus[];
}

function security(access: Access): { security: JsonObject[]; note: string } {
  if (access === "public") return { security: [], note: "Public: no credentials needed." };
  if (access === "buyer-session") {
    return { security: [{ BuyerSession: [] }], note: "For signed-in buyer users (session cookie), not API keys." };
  }
  if (access === "any-api-key") {
    return { security: [{ ApiKey: [] }, { BearerApiKey: [] }], note: "Needs a valid API key; no particular scope." };
  }
  return {
    security: [{ ApiKey: [access.scope] }, { BearerApiKey: [access.scope] }],
    note: `Needs an API key with the \`${access.scope}\` scope.`,
  };
}

function operation(spec: OperationSpec): JsonObject {
  const { security: requirement, note } = security(spec.access);
  const success =
    spec.success.content ??
    (spec.success.schema ? { "application/json": { schema: schemaRef(spec.success.schema) } } : undefined);
  return {
    operationId: spec.operationId,
    tags: [spec.tag],
    summary: spec.summary,
    description: `${spec.description}\n\n${note}`,
    security: requirement,
    ...(spec.parameters?.length ? { parameters: spec.parameters } : {}),
    ...(spec.body
      ? {
          requestBody: {
            required: spec.body.required,
            content: { "application/json": { schema: schemaRef(spec.body.schema) } },
          },
        }
      : {}),
    responses: {
      [spec.success.status]: { description: spec.success.description, ...(success ? { content: success } : {}) },
      ...spec.otherResponses,
      ...Object.fromEntries(spec.problems.map((status) => [status, responseRef(problemResponses[status][0])])),
    },
  };
}

function paths(queries: Record<string, JsonObject>): OpenApiDocument["paths"] {
  const lotsRead = { scope: "lots:read" } as const;
  const bidsWrite = { scope: "bids:write" } as const;
  const contractsWrite = { scope: "contracts:write" } as const;
  const bidId = parameterRef("BidId");
  const producerOrganization = parameterRef("ProducerOrganization");
  const contractId = parameterRef("ContractId");
  const bidAnswer = (description: string, status = 200) => ({ status, description, schema: "Bid" });
  return {
    "/api/lots/external": {
      get: operation({
        operationId: "listLots",
        tag: "Lots",
        summary: "List lots producers may bid on",
        description:
          "Published lots by default; filter by status, commodity, words or last change, one page at a time. Lots " +
          "come in the order they were published, and the cursor is a position in that order: paging returns every " +
          "lot exactly once, and lots published while you page appear on a later page.",
        access: lotsRead,
        parameters: queryParameters(queries.LotListingQuery),
        success: { status: 200, description: "A page of lots.", schema: "LotPage" },
        problems: [400, 401, 403, 422],
      }),
    },
    "/api/lots/external/{id}": {
      get: operation({
        operationId: "getLot",
        tag: "Lots",
        summary: "Read one lot",
        description:
          "Every detail of a lot that was ever published, in whatever state it is now (a cancelled lot answers " +
          "with status `cancelled`). Drafts answer 404.",
        access: lotsRead,
        parameters: [parameterRef("LotId")],
        success: { status: 200, description: "The lot.", schema: "Lot" },
        problems: [401, 403, 404],
      }),
    },
    "/api/bids": {
      post: operation({
        operationId: "submitBid",
        tag: "Bids",
        summary: "Submit a bid",
        description:
          "Stores a producer's bid on a published lot and sends `bid.received`. Replaying the same Idempotency-Key " +
          "returns the bid stored the first time and never creates a second one. A producer organization holds at " +
          "most one live bid per lot; revise it instead.",
        access: bidsWrite,
        parameters: [parameterRef("IdempotencyKey")],
        body: { schema: "BidSubmission", required: true },
        success: bidAnswer("The bid as stored (also on a replay of the same Idempotency-Key).", 201),
        problems: [400, 401, 403, 404, 409, 422],
      }),
    },
    "/api/bids/{id}": {
      get: operation({
        operationId: "getBid",
        tag: "Bids",
        summary: "Read a bid and its negotiation thread",
        description:
          "Only for the producer platform and organization that placed the bid (X-Producer-Organization); anyone " +
          "else gets 404.",
        access: bidsWrite,
        parameters: [bidId, producerOrganization],
        success: bidAnswer("The bid with every offer of its thread."),
        problems: [400, 401, 403, 404],
      }),
      patch: operation({
        operationId: "reviseBid",
        tag: "Bids",
        summary: "Revise a submitted bid",
        description: "Changes the fields sent, while the bid is still `submitted`.",
        access: bidsWrite,
        parameters: [bidId, producerOrganization],
        body: { schema: "BidRevision", required: true },
        success: bidAnswer("The revised bid."),
        problems: [400, 401, 403, 404, 409, 422],
      }),
      put: operation({
        operationId: "decideBid",
        tag: "Bids",
        summary: "Accept or reject a bid (buyer)",
        description:
          "Accepting allocates the bid's volume on the lot, creates the contract and sends `bid.accepted` and " +
          "`contract.created`, all in one transaction; rejecting sends `bid.rejected` with the reason.",
        access: "buyer-session",
        parameters: [bidId],
        body: { schema: "BidDecision", required: true },
        success: bidAnswer("The decided bid."),
        problems: [400, 401, 403, 404, 409, 422],
      }),
    },
    "/api/bids/{id}/withdraw": {
      post: operation({
        operationId: "withdrawBid",
        tag: "Bids",
        summary: "Withdraw a submitted bid",
        description: "Withdraws the bid while it is still `submitted` and sends `bid.withdrawn`.",
        access: bidsWrite,
        parameters: [bidId, producerOrganization],
        success: bidAnswer("The withdrawn bid."),
        problems: [400, 401, 403, 404, 409],
      }),
    },
    "/api/bids/{id}/counter": {
      post: operation({
        operationId: "counterBid",
        tag: "Negotiation",
        summary: "Counter a bid (buyer)",
        description: "Proposes new terms against the producer's latest offer and sends `bid.counter_offer`.",
        access: "buyer-session",
        parameters: [bidId],
        body: { schema: "CounterOfferInput", required: true },
        success: bidAnswer("The bid with the new offer last in its thread.", 201),
        problems: [400, 401, 403, 404, 409, 422],
      }),
    },
    "/api/bids/{id}/counter-offers": {
      post: operation({
        operationId: "counterBack",
        tag: "Negotiation",
        summary: "Counter the buyer's counter-offer (producer)",
        description: "Proposes new terms against the buyer's latest pending offer, which becomes `superseded`.",
        access: bidsWrite,
        parameters: [bidId, producerOrganization],
        body: { schema: "CounterOfferInput", required: true },
        success: bidAnswer("The bid with the new offer last in its thread.", 201),
        problems: [400, 401, 403, 404, 409, 422],
      }),
    },
    "/api/bids/{id}/counter-offers/{offerId}/accept": {
      post: operation({
        operationId: "acceptCounterOffer",
        tag: "Negotiation",
        summary: "Accept the buyer's counter-offer (producer)",
        description:
          "Accepts the latest pending offer before it expires: the buyer portal allocates the volume, creates the " +
          "contract and sends `bid.counter_accepted` and `contract.created`.",
        access: bidsWrite,
        parameters: [bidId, producerOrganization, parameterRef("OfferId")],
        success: bidAnswer("The accepted bid."),
        problems: [400, 401, 403, 404, 409],
      }),
    },
    "/api/bids/{id}/counter-offers/{offerId}/reject": {
      post: operation({
        operationId: "rejectCounterOffer",
        tag: "Negotiation",
        summary: "Reject the buyer's counter-offer (producer)",
        description: "Rejects the latest pending offer and sends `bid.counter_rejected`. The body may be left out.",
        access: bidsWrite,
        parameters: [bidId, producerOrganization, parameterRef("OfferId")],
        body: { schema: "OfferRejection", required: false },
        success: bidAnswer("The bid with the rejected offer."),
        problems: [400, 401, 403, 404, 409, 422],
      }),
    },
    "/api/contracts/{id}": {
      get: operation({
        operationId: "getContract",
        tag: "Contracts",
        summary: "Read a contract",
        description: "The contract as both portals show it.",
        access: contractsWrite,
        parameters: [contractId],
        success: { status: 200, description: "The contract.", schema: "Contract" },
        problems: [401, 403, 404],
      }),
    },
    "/api/contracts/{id}/document": {
      get: operation({
        operationId: "getContractDocument",
        tag: "Contracts",
        summary: "Download the contract PDF",
        description:
          "The same PDF both parties see. A signature's `documentHash` is the SHA-256 of exactly these bytes.",
        access: contractsWrite,
        parameters: [contractId],
        success: {
          status: 200,
          description: "The contract document.",
          content: { "application/pdf": { schema: { type: "string", contentMediaType: "application/pdf" } } },
        },
        problems: [401, 403, 404],
      }),
    },
    "/api/contracts/{id}/signatures": {
      post: operation({
        operationId: "signContract",
        tag: "Contracts",
        summary: "Sign a contract (producer)",
        description:
          "Records the producer's signature on the current document; once both parties have signed the contract " +
          "becomes `active`. Sends `contract.updated`.",
        access: contractsWrite,
        parameters: [contractId],
        body: { schema: "SignatureInput", required: true },
        success: { status: 201, description: "The contract with the new signature.", schema: "Contract" },
        problems: [400, 401, 403, 404, 409, 422],
      }),
    },
    "/api/events": {
      get: operation({
        operationId: "listEvents",
        tag: "Events",
        summary: "Read the events feed",
        description:
          "Every event ever sent to the producer portal, oldest first, with the same bodies as the webhooks. Replay " +
          "it from your last cursor to catch up after missed deliveries; apply snapshots by `version` as usual.",
        access: lotsRead,
        parameters: queryParameters(queries.EventFeedQuery),
        success: { status: 200, description: "A page of events.", schema: "EventFeedPage" },
        problems: [400, 401, 403, 422],
      }),
    },
    "/api/integration/pongs": {
      post: operation({
        operationId: "answerPing",
        tag: "Events",
        summary: "Answer a ping",
        description:
          "The producer portal calls this when a `ping` webhook reached it, proving both directions of the " +
          "integration. Send an Idempotency-Key; a repeat returns the first answer.",
        access: "any-api-key",
        parameters: [parameterRef("IdempotencyKey")],
        body: { schema: "PongInput", required: true },
        success: { status: 201, description: "The ping's answer was recorded.", schema: "Pong" },
        problems: [400, 401, 404, 409, 422],
      }),
    },
    "/api/openapi.json": {
      get: operation({
        operationId: "getOpenApiDocument",
        tag: "Service",
        summary: "This OpenAPI document",
        description: "The API and its webhooks, generated from the same schemas the portal validates with.",
        access: "public",
        success: {
          status: 200,
          description: "An OpenAPI 3.1 document.",
          content: { "application/json": { schema: { type: "object" } } },
        },
        problems: [],
      }),
    },
    "/api/health": {
      get: operation({
        operationId: "getHealth",
        tag: "Service",
        summary: "Health check",
        description: "Whether the portal and its database answer. Reveals no configuration.",
        access: "public",
        success: { status: 200, description: "The portal and its database answer.", schema: "Health" },
        otherResponses: {
          503: {
            description: "The database does not answer.",
            content: { "application/json": { schema: schemaRef("Health") } },
          },
        },
        problems: [],
      }),
    },
  };
}

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
    ProducerOrganization: {
      name: "X-Producer-Organization",
      in: "header",
      required: true,
      description:
        "The producer organization the call is made for: the `bidder.organizationId` the bid was placed with. A bid " +
        "of another organization (or placed by another platform) answers 404.",
      schema: { type: "string", minLength: 1, maxLength: 200 },
    },
    IdempotencyKey: {
      name: "Idempotency-Key",
      in: "header",
      required: true,
      description:
        "A unique key per bid the producer places, e.g. a UUID. Retrying with the same key and body returns the " +
        "first answer; reusing it with a different body is refused with 409.",
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
      { description, content: { "application/problem+json": { schema: schemaRef("Problem") } } },
    ]),
  );
}

const securitySchemes = {
  ApiKey: {
    type: "apiKey",
    in: "header",
    name: "X-API-Key",
    description: `A producer platform's API key. Scopes: ${apiKeyScopes.join(", ")}.`,
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
        "numbers; times are ISO-8601 in UTC. Every error is RFC 9457 `application/problem+json`.",
    },
    servers: [{ url: "http://localhost:3000", description: "The buyer portal's PUBLIC_URL" }],
    tags: [
      { name: "Lots", description: "Lots producers may bid on" },
      { name: "Bids", description: "Placing, revising, withdrawing and deciding bids" },
      { name: "Negotiation", description: "Counter-offers between buyer and producer" },
      { name: "Contracts", description: "Contracts, their PDF and signatures" },
      { name: "Events", description: "The ordered feed of every event sent to the producer portal" },
      { name: "Service", description: "Health and this document" },
      { name: "Webhooks", description: "Events the buyer portal sends to the producer portal" },
    ],
    paths: paths(queries),
    webhooks: webhooks(),
    components: { schemas, responses: responses(), parameters: parameters(), securitySchemes },
  };
}

/** The document exactly as committed in docs/openapi.json. */
export function renderOpenApiJson(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}
