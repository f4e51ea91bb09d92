import { z } from "zod";
import { bidSchema } from "./bid";
import { bidDecisionSchema } from "./bid-decision";
import { bidRevisionSchema } from "./bid-revision";
import { bidSubmissionSchema } from "./bid-submission";
import { contractSchema } from "./contract";
import { contractCancellationSchema } from "./contract-cancellation";
import { contractCompletionSchema } from "./contract-completion";
import { counterOfferInputSchema } from "./counter-offer-input";
import {
  closeShortInputSchema,
  dispatchInputSchema,
  fulfilmentInputSchema,
  ticketCorrectionSchema,
  ticketInputSchema,
} from "./delivery";
import { eventTypes } from "./event-catalog";
import { eventComponentName, eventEnvelopeSchema, eventEnvelopeSchemas } from "./event-envelope";
import { eventFeedPageSchema, eventFeedQuerySchema } from "./event-feed";
import { healthSchema } from "./health";
import { lotInputSchema, lotSchema } from "./lot";
import { lotListingQuerySchema, lotPageSchema } from "./lot-listing";
import { offerRejectionSchema } from "./offer-rejection";
import { organizationKeySchemas } from "./openapi-paths-organization";
import { platformSchemas } from "./openapi-paths-platforms";
import { pongInputSchema, pongSchema } from "./pong";
import { problemSchema } from "./problem";
import { signatureInputSchema } from "./signature-input";

export type JsonObject = { [key: string]: unknown };

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
    headers: Record<string, JsonObject>;
    securitySchemes: Record<string, JsonObject>;
  };
};

export const schemaRef = (id: string) => ({ $ref: `#/components/schemas/${id}` });
export const parameterRef = (name: string) => ({ $ref: `#/components/parameters/${name}` });
export const responseRef = (name: string) => ({ $ref: `#/components/responses/${name}` });

/**
 * Request bodies and queries are documented as clients send them (defaults optional, strings coerced). Functions, not
 * constants: the sections that add schemas import this module's helpers too.
 */
const requestSchemas = () => [
  bidSubmissionSchema,
  bidRevisionSchema,
  bidDecisionSchema,
  counterOfferInputSchema,
  offerRejectionSchema,
  signatureInputSchema,
  contractCancellationSchema,
  contractCompletionSchema,
  dispatchInputSchema,
  ticketInputSchema,
  ticketCorrectionSchema,
  fulfilmentInputSchema,
  closeShortInputSchema,
  pongInputSchema,
  lotInputSchema,
  lotListingQuerySchema,
  eventFeedQuerySchema,
  ...platformSchemas.requests,
  ...organizationKeySchemas.requests,
];
const querySchemas = () => [lotListingQuerySchema, eventFeedQuerySchema, ...platformSchemas.queries];

/** Responses and event bodies are documented as the portal sends them. */
const responseSchemas = () => [
  lotSchema,
  lotPageSchema,
  bidSchema,
  contractSchema,
  problemSchema,
  healthSchema,
  pongSchema,
  eventEnvelopeSchema,
  eventFeedPageSchema,
  ...platformSchemas.responses,
  ...organizationKeySchemas.responses,
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

export function componentSchemas() {
  const requests = definitions(requestSchemas(), "input");
  const responses = definitions(responseSchemas(), "output");
  for (const [id, schema] of Object.entries(requests)) {
    if (id in responses && JSON.stringify(responses[id]) !== JSON.stringify(schema)) {
      throw new Error(`Schema ${id} differs between requests and responses; give the request variant its own id.`);
    }
  }
  const queries = Object.fromEntries(
    querySchemas().map((schema) => [componentId(schema), requests[componentId(schema)]]),
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
