import { bidListQuerySchema, bidPageSchema } from "./bid-list";
import { operation, queryParameters } from "./openapi-operation";
import type { JsonObject, OpenApiDocument } from "./openapi-schemas";
import {
  createdWebhookEndpointSchema,
  endpointSecretSchema,
  newPlatformSchema,
  newWebhookEndpointSchema,
  producerPlatformListSchema,
  producerPlatformSchema,
  webhookEndpointChangeSchema,
  webhookEndpointSchema,
} from "./producer-platform";

/**
 * The schemas these operations name, for components: requests as clients send them, responses as the portal answers,
 * and the queries whose properties become query parameters (openapi-schemas.ts registers each list).
 */
export const platformSchemas = {
  requests: [newPlatformSchema, newWebhookEndpointSchema, webhookEndpointChangeSchema, bidListQuerySchema],
  queries: [bidListQuerySchema],
  responses: [
    producerPlatformSchema,
    producerPlatformListSchema,
    webhookEndpointSchema,
    createdWebhookEndpointSchema,
    endpointSecretSchema,
    bidPageSchema,
  ],
};

const platformId: JsonObject = {
  name: "id",
  in: "path",
  required: true,
  description: "The producer platform's id, e.g. `producer-portal`.",
  schema: { type: "string", pattern: "^[a-z0-9][a-z0-9-]{1,48}[a-z0-9]$" },
};

const endpointId: JsonObject = {
  name: "endpointId",
  in: "path",
  required: true,
  description: "The webhook endpoint's id (`whe_…`; the first platform's is `producer-portal`).",
  schema: { type: "string", minLength: 1 },
};

/** The optional X-Producer-Organization of `GET /api/bids`; the bid operations' own is required. */
const producerOrganizationFilter: JsonObject = {
  name: "X-Producer-Organization",
  in: "header",
  required: false,
  description: "List only the bids placed for this producer organization (its `bidder.organizationId`).",
  schema: { type: "string", minLength: 1, maxLength: 200 },
};

const noStore = {
  "Cache-Control": { description: "`no-store`: the secret is shown once.", schema: { type: "string" } },
};

const overlap: JsonObject = {
  type: "object",
  properties: {
    overlapHours: {
      type: "number",
      minimum: 0,
      maximum: 168,
      default: 24,
      description: "How long the old secret keeps signing beside the new one: 0 (at once) to a week.",
    },
  },
};

/**
 * Subscribers and what each may see: the operators' administration of producer platforms and their webhook
 * endpoints, the ping to one endpoint, and a platform's list of its own bids. `queries` are the query components.
 */
export function platformPaths(queries: Record<string, JsonObject>): OpenApiDocument["paths"] {
  return {
    "/api/bids": {
      get: operation({
        operationId: "listBids",
        tag: "Bids",
        summary: "List your platform's bids",
        description:
          "Every bid your platform placed, least recently changed first, with its negotiation thread; another " +
          "platform's bids are never listed, whatever the filter. Send X-Producer-Organization to list one producer " +
          "organization's bids only. Keep the newest `updatedAt` you saw and pass it as `updatedSince` to fetch " +
          "what changed since; page with `cursor` until `nextCursor` is null.",
        access: { scope: "bids:write" },
        parameters: [...queryParameters(queries.BidListQuery), producerOrganizationFilter],
        success: { status: 200, description: "A page of bids.", schema: "BidPage" },
        problems: [400, 401, 403, 422],
      }),
    },
    "/api/admin/platforms": {
      get: operation({
        operationId: "listProducerPlatforms",
        tag: "Administration",
        summary: "List producer platforms",
        description:
          "Every producer platform the buyer portal serves, oldest first, with its webhook endpoints (URL, " +
          "event-type filter, enabled, failing since) and API keys, never a secret.",
        access: "operator-session",
        success: { status: 200, description: "The platforms.", schema: "ProducerPlatformList" },
        problems: [401, 403],
      }),
      post: operation({
        operationId: "createProducerPlatform",
        tag: "Administration",
        summary: "Register a producer platform",
        description:
          "A new subscriber. It sees every lot, and only the bids, contracts and feed events of bids it places. " +
          "Issue its keys with `POST /api/admin/api-keys` (`platform` = this id) and add its endpoints next. An id " +
          "or name already taken is 409 naming the field.",
        access: "operator-session",
        body: { schema: "NewProducerPlatform", required: true },
        success: {
          status: 201,
          description: "The platform, without keys or endpoints yet.",
          schema: "ProducerPlatform",
        },
        problems: [400, 401, 403, 409, 422],
      }),
    },
    "/api/admin/platforms/{id}/endpoints": {
      post: operation({
        operationId: "addWebhookEndpoint",
        tag: "Administration",
        summary: "Add a webhook endpoint to a platform",
        description:
          "The endpoint receives the platform's events whose type its filter admits (every type when null): every " +
          "`lot.*` event, and the `bid.*` and `contract.*` events of the platform's own bids. The signing secret " +
          "is in this answer only.",
        access: "operator-session",
        parameters: [platformId],
        body: { schema: "NewWebhookEndpoint", required: true },
        success: {
          status: 201,
          description: "The endpoint with its signing secret.",
          schema: "CreatedWebhookEndpoint",
          headers: noStore,
        },
        problems: [400, 401, 403, 404, 422],
      }),
    },
    "/api/admin/platforms/{id}/endpoints/{endpointId}": {
      patch: operation({
        operationId: "changeWebhookEndpoint",
        tag: "Administration",
        summary: "Change a webhook endpoint",
        description:
          "Changes the URL, the event-type filter or the enabled state; fields left out stay. A new URL is a new " +
          "receiver: it starts enabled with a fresh health clock. A disabled endpoint gets no new messages; its " +
          "platform catches up from `GET /api/events`.",
        access: "operator-session",
        parameters: [platformId, endpointId],
        body: { schema: "WebhookEndpointChange", required: true },
        success: { status: 200, description: "The endpoint as it is now.", schema: "WebhookEndpoint" },
        problems: [400, 401, 403, 404, 422],
      }),
    },
    "/api/admin/platforms/{id}/endpoints/{endpointId}/rotate-secret": {
      post: operation({
        operationId: "rotateWebhookEndpointSecret",
        tag: "Administration",
        summary: "Rotate an endpoint's signing secret",
        description:
          "A new secret signs every webhook from now; the old one signs beside it for `overlapHours`, so the " +
          "receiver can switch without refusing a message.",
        access: "operator-session",
        parameters: [platformId, endpointId],
        body: { schema: overlap, required: false },
        success: { status: 201, description: "The new secret.", schema: "WebhookEndpointSecret", headers: noStore },
        problems: [400, 401, 403, 404, 422],
      }),
    },
    "/api/admin/integration": {
      get: operation({
        operationId: "getIntegrationOverview",
        tag: "Administration",
        summary: "The integration at a glance",
        description:
          "The first platform's endpoint and its state, message counts by status, the last failure and success, " +
          "the newest messages with their destination endpoint (optionally of one status, or to one platform's " +
          "endpoints) and the last ping with its answer.",
        access: "operator-session",
        parameters: [
          {
            name: "status",
            in: "query",
            description: "Only messages in this state.",
            schema: { type: "string", enum: ["pending", "delivered", "dead", "cancelled"] },
          },
          {
            name: "platform",
            in: "query",
            description: "Only webhooks to this producer platform's endpoints (its id).",
            schema: platformId.schema,
          },
        ],
        success: { status: 200, description: "The overview.", schema: { type: "object" } },
        problems: [401, 403, 422],
      }),
    },
    "/api/admin/ping": {
      post: operation({
        operationId: "sendPing",
        tag: "Administration",
        summary: "Ping one webhook endpoint",
        description:
          "Sends a `ping` event to one endpoint, the first platform's unless `endpointId` names another; only " +
          "that endpoint's platform sees it on its feed. The producer portal answers with " +
          "`POST /api/integration/pongs`. An unknown endpoint is 404.",
        access: "operator-session",
        body: {
          required: false,
          schema: {
            type: "object",
            properties: { endpointId: { type: "string", description: "The endpoint to ping." } },
          },
        },
        success: {
          status: 201,
          description: "The ping was queued.",
          schema: { type: "object", required: ["eventId"], properties: { eventId: { type: "string" } } },
        },
        problems: [401, 403, 404, 422],
      }),
    },
  };
}
