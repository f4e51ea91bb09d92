import { apiKeyScopes } from "./api-key-scope";
import { idParameter, operation } from "./openapi-operation";
import type { JsonObject, OpenApiDocument } from "./openapi-schemas";

const overlap: JsonObject = {
  type: "object",
  properties: {
    overlapHours: {
      type: "number",
      minimum: 0,
      maximum: 168,
      default: 24,
      description: "How long the replaced secret or key keeps working: 0 (at once) to a week.",
    },
  },
};

const noStore = {
  "Cache-Control": { description: "`no-store`: the secret is shown once.", schema: { type: "string" } },
};

const issuedKey: JsonObject = {
  type: "object",
  required: ["id", "key", "prefix"],
  properties: {
    id: { type: "string" },
    key: { type: "string", description: "The full key; never shown again." },
    prefix: { type: "string", description: "The visible start of the key, shown in lists." },
  },
};

/**
 * The buyer portal's administration of the integration, for its operators (a session of a membership holding the
 * operator grant): platform keys, the first platform's endpoint and its secret, replaying one message. Platforms,
 * their endpoints, the overview and the ping are in openapi-paths-platforms.ts; delivery in openapi-paths-delivery.ts.
 */
export function adminPaths(): OpenApiDocument["paths"] {
  const keyId = idParameter("id", "key", "The API key's id.");
  return {
    "/api/admin/api-keys": {
      post: operation({
        operationId: "issueApiKey",
        tag: "Administration",
        summary: "Issue a platform API key",
        description: "Issues a key for a producer platform; the answer is the only time the full key is shown.",
        access: "operator-session",
        body: {
          required: true,
          schema: {
            type: "object",
            required: ["name", "platform", "scopes"],
            properties: {
              name: { type: "string", minLength: 1, maxLength: 100 },
              platform: { type: "string", minLength: 1, maxLength: 100 },
              scopes: { type: "array", minItems: 1, items: { type: "string", enum: [...apiKeyScopes] } },
            },
          },
        },
        success: { status: 201, description: "The new key.", schema: issuedKey, headers: noStore },
        problems: [400, 401, 403, 422],
      }),
    },
    "/api/admin/api-keys/{id}/rotate": {
      post: operation({
        operationId: "rotateApiKey",
        tag: "Administration",
        summary: "Rotate an API key",
        description:
          "Issues a successor with the same platform and scopes; the old key keeps working for `overlapHours`.",
        access: "operator-session",
        parameters: [keyId],
        body: { required: true, schema: overlap },
        success: { status: 201, description: "The successor key.", schema: issuedKey, headers: noStore },
        problems: [400, 401, 403, 404, 409, 422],
      }),
    },
    "/api/admin/api-keys/{id}/revoke": {
      post: operation({
        operationId: "revokeApiKey",
        tag: "Administration",
        summary: "Revoke an API key",
        description: "The key is refused from now on (401).",
        access: "operator-session",
        parameters: [keyId],
        success: { status: 204, description: "Revoked." },
        problems: [401, 403, 404],
      }),
    },
    "/api/admin/webhook-endpoint": {
      post: operation({
        operationId: "enableProducerEndpoint",
        tag: "Administration",
        summary: "Enable the producer endpoint again",
        description: "Turns the endpoint back on after it answered 410 Gone; its dead messages can then be replayed.",
        access: "operator-session",
        success: { status: 204, description: "Enabled." },
        problems: [401, 403],
      }),
    },
    "/api/admin/webhook-secret": {
      post: operation({
        operationId: "rotateWebhookSecret",
        tag: "Administration",
        summary: "Rotate the webhook signing secret",
        description:
          "Generates a new `whsec_…` secret; webhooks carry signatures with both secrets for `overlapHours`.",
        access: "operator-session",
        body: { required: true, schema: overlap },
        success: {
          status: 201,
          description: "The new secret, shown once.",
          headers: noStore,
          schema: {
            type: "object",
            required: ["secret", "overlapHours"],
            properties: { secret: { type: "string" }, overlapHours: { type: "number" } },
          },
        },
        problems: [400, 401, 403, 422],
      }),
    },
    "/api/admin/messages/{id}/replay": {
      post: operation({
        operationId: "replayMessage",
        tag: "Administration",
        summary: "Send a message again",
        description:
          "Queues a delivered or dead message again with the same event id, so receivers dedupe. A message still " +
          "being delivered is 409.",
        access: "operator-session",
        parameters: [idParameter("id", "msg", "The outbox message's id (msg_…).")],
        success: {
          status: 200,
          description: "The message, pending again.",
          schema: {
            type: "object",
            required: ["id", "status"],
            properties: { id: { type: "string" }, status: { type: "string" } },
          },
        },
        problems: [401, 403, 404, 409],
      }),
    },
  };
}
