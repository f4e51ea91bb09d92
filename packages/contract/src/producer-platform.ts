import { z } from "zod";
import { eventTypes } from "./event-catalog";
import { fieldError } from "./field-error";
import { timestamp } from "./iso-time";
import { requiredText } from "./text";

/**
 * A producer platform's id: lowercase letters, digits and dashes, as it appears on its keys, bids and feed events
 * (the first platform is `producer-portal`). Chosen once by the operator; it never changes.
 */
export const platformId = () =>
  z.string({ error: fieldError("must be text") }).regex(/^[a-z0-9][a-z0-9-]{1,48}[a-z0-9]$/, {
    error: "must be 3 to 50 lowercase letters, digits or dashes, starting and ending with a letter or digit",
  });

const endpointUrl = () =>
  z
    .url({
      protocol: /^https?$/,
      error: fieldError("must be an http:// or https:// URL"),
    })
    .max(2000, { error: "must be at most 2000 characters" });

/** The event types an endpoint receives; null (or left out) sends every type its platform may see. */
const eventTypeFilter = () =>
  z
    .array(z.enum(eventTypes, { error: `must be one of ${eventTypes.join(", ")}` }), {
      error: fieldError("must be a list of event types, or null for every type"),
    })
    .min(1, { error: "must list at least one event type, or be null for every type" })
    .nullable()
    .describe("The event types sent to this endpoint; null sends every type the platform may see");

export const newPlatformSchema = z
  .strictObject({
    id: platformId().describe("The platform's id on keys, bids and events, e.g. `coop-dashboard`"),
    name: requiredText(100).describe("What the operators call the platform"),
  })
  .meta({ id: "NewProducerPlatform", description: "A producer platform the buyer portal will serve" });

export const newWebhookEndpointSchema = z
  .strictObject({
    url: endpointUrl(),
    eventTypes: eventTypeFilter().default(null),
  })
  .meta({ id: "NewWebhookEndpoint", description: "Where a platform receives its webhooks" });

export const webhookEndpointChangeSchema = z
  .strictObject({
    url: endpointUrl().optional(),
    eventTypes: eventTypeFilter().optional(),
    enabled: z.boolean({ error: fieldError("must be true or false") }).optional(),
  })
  .meta({
    id: "WebhookEndpointChange",
    description: "The settings to change; enabling also restarts the endpoint's health clock",
  });

export const webhookEndpointSchema = z
  .object({
    id: z.string(),
    platform: z.string(),
    url: z.string(),
    eventTypes: z.array(z.string()).nullable(),
    enabled: z.boolean(),
    disabledReason: z.string().nullable(),
    failingSince: timestamp().nullable().describe("Since when every attempt has failed; null while it delivers"),
    previousSecretExpiresAt: timestamp()
      .nullable()
      .describe("While a rotation overlaps, the old secret signs beside the new one until then"),
    createdAt: timestamp(),
  })
  .meta({ id: "WebhookEndpoint", description: "A webhook endpoint of a producer platform (never its secret)" });

export const createdWebhookEndpointSchema = webhookEndpointSchema
  .extend({ secret: z.string().describe("The signing secret (whsec_…), shown only in this answer") })
  .meta({ id: "CreatedWebhookEndpoint", description: "A new endpoint with its signing secret, shown once" });

export const endpointSecretSchema = z
  .object({
    secret: z.string().describe("The new signing secret (whsec_…), shown only in this answer"),
    overlapHours: z.number().describe("How long the old secret keeps signing beside the new one"),
  })
  .meta({ id: "WebhookEndpointSecret", description: "A rotated signing secret, shown once" });

export const producerPlatformSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: timestamp(),
    endpoints: z.array(webhookEndpointSchema),
    apiKeys: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        prefix: z.string().describe("The first characters of the key, never the key"),
        scopes: z.array(z.string()),
        revokedAt: timestamp().nullable(),
        expiresAt: timestamp().nullable(),
        lastUsedAt: timestamp().nullable(),
      }),
    ),
  })
  .meta({ id: "ProducerPlatform", description: "A subscriber of the buyer portal: its endpoints and API keys" });

export const producerPlatformListSchema = z
  .object({ data: z.array(producerPlatformSchema) })
  .meta({ id: "ProducerPlatformList", description: "Every producer platform, oldest first" });

export type NewPlatform = z.infer<typeof newPlatformSchema>;
export type NewWebhookEndpoint = z.infer<typeof newWebhookEndpointSchema>;
export type WebhookEndpointChange = z.infer<typeof webhookEndpointChangeSchema>;
export type WebhookEndpointView = z.infer<typeof webhookEndpointSchema>;
export type ProducerPlatform = z.infer<typeof producerPlatformSchema>;
