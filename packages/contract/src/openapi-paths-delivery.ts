import { z } from "zod";
import { messageListQuerySchema, messagePageSchema } from "./delivery-message";
import { operation, queryParameters } from "./openapi-operation";
import type { JsonObject, OpenApiDocument } from "./openapi-schemas";
import {
  endpointDisableSchema,
  endpointHealthListSchema,
  endpointReplayResultSchema,
  endpointReplaySchema,
  endpointStateSchema,
} from "./webhook-endpoint-admin";

/**
 * A schema written out in place, its named parts too: these operations are for operators only, and their shapes are
 * shared with no other operation.
 */
function inline(schema: z.ZodType, io: "input" | "output"): JsonObject {
  const { $defs = {}, ...root } = z.toJSONSchema(schema, {
    io,
    target: "draft-2020-12",
    unrepresentable: "throw",
    override: ({ jsonSchema }) => {
      // Answers may gain fields in a later version; the format names the rule better than zod's pattern.
      if (io === "output" && jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
      if (jsonSchema.format === "date-time") delete jsonSchema.pattern;
    },
  }) as JsonObject & { $defs?: Record<string, JsonObject> };
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolve);
    if (value === null || typeof value !== "object") return value;
    const { $ref, $schema: _, ...rest } = value as JsonObject;
    const named = typeof $ref === "string" && $ref.startsWith("#/$defs/") ? $defs[$ref.slice(8)] : undefined;
    const resolved = Object.fromEntries(Object.entries(rest).map(([key, inner]) => [key, resolve(inner)]));
    return named ? { ...(resolve(named) as JsonObject), ...resolved } : { ...($ref ? { $ref } : {}), ...resolved };
  };
  return resolve(root) as JsonObject;
}

const endpointId: JsonObject = {
  name: "id",
  in: "path",
  required: true,
  description: "The webhook endpoint's id, as `GET /api/admin/webhook-endpoints` lists it.",
  schema: { type: "string", minLength: 1 },
};

/**
 * Delivery per webhook endpoint, for the buyer portal's operators: each endpoint's health, turning it off and on,
 * replaying a time range, and every outgoing message a page at a time.
 */
export function deliveryPaths(): OpenApiDocument["paths"] {
  const state = {
    status: 200,
    description: "The endpoint's state now.",
    schema: inline(endpointStateSchema, "output"),
  };
  return {
    "/api/admin/messages": {
      get: operation({
        operationId: "listMessages",
        tag: "Administration",
        summary: "List outgoing messages",
        description:
          "Webhooks and emails, newest first, a page at a time: pass `nextCursor` as `cursor` until it is null. " +
          "An event sent to several endpoints is one message per endpoint; `eventId` finds them all.",
        access: "operator-session",
        parameters: queryParameters(inline(messageListQuerySchema, "input")),
        success: { status: 200, description: "A page of messages.", schema: inline(messagePageSchema, "output") },
        problems: [401, 403, 422],
      }),
    },
    "/api/admin/webhook-endpoints": {
      get: operation({
        operationId: "listWebhookEndpointHealth",
        tag: "Administration",
        summary: "Every webhook endpoint's delivery health",
        description:
          "Per endpoint: enabled or why not, since when every attempt has failed, the last delivery, failed " +
          "attempts in the last 24 hours, and how many messages wait or were given up. An endpoint failing for " +
          "5 days is disabled automatically and the operators are told.",
        access: "operator-session",
        success: { status: 200, description: "The endpoints.", schema: inline(endpointHealthListSchema, "output") },
        problems: [401, 403],
      }),
    },
    "/api/admin/webhook-endpoints/{id}/enable": {
      post: operation({
        operationId: "enableWebhookEndpoint",
        tag: "Administration",
        summary: "Enable a webhook endpoint",
        description:
          "Turns the endpoint on again: the messages held for it go out at once and its failure clock restarts. " +
          "Messages that died meanwhile stay dead; replay them with `…/replay`.",
        access: "operator-session",
        parameters: [endpointId],
        success: state,
        problems: [401, 403, 404],
      }),
    },
    "/api/admin/webhook-endpoints/{id}/disable": {
      post: operation({
        operationId: "disableWebhookEndpoint",
        tag: "Administration",
        summary: "Disable a webhook endpoint",
        description:
          "Stops sending to the endpoint; its messages wait, attempts untouched, until it is enabled again. The " +
          "reason is recorded with the operator's name and the time.",
        access: "operator-session",
        parameters: [endpointId],
        body: { required: true, schema: inline(endpointDisableSchema, "input") },
        success: state,
        problems: [400, 401, 403, 404, 422],
      }),
    },
    "/api/admin/webhook-endpoints/{id}/replay": {
      post: operation({
        operationId: "replayWebhookEndpoint",
        tag: "Administration",
        summary: "Replay a time range to one endpoint",
        description:
          "Queues again every message to this endpoint created in [`since`, `until`) that is dead (and, with " +
          "`includeDelivered`, delivered), with the same event ids, so the receiver skips what it already has. " +
          "`until` must be after `since` (422 on `until`).",
        access: "operator-session",
        parameters: [endpointId],
        body: { required: true, schema: inline(endpointReplaySchema, "input") },
        success: {
          status: 200,
          description: "How many messages were queued again.",
          schema: inline(endpointReplayResultSchema, "output"),
        },
        problems: [400, 401, 403, 404, 422],
      }),
    },
  };
}
