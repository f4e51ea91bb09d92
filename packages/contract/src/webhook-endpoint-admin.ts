import { z } from "zod";
import { fieldError } from "./field-error";
import { timestamp, timestampInput } from "./iso-time";
import { requiredText } from "./text";

/** One webhook endpoint's delivery health, as `GET /api/admin/webhook-endpoints` lists it. */
export const endpointHealthSchema = z
  .object({
    id: z.string(),
    subscriber: z.string().nullable().describe("The producer platform the endpoint belongs to"),
    url: z.string(),
    enabled: z.boolean(),
    disabledReason: z.string().nullable().describe("Why and since when it is disabled; null while enabled"),
    failingSince: timestamp().nullable().describe("Since when every attempt has failed; null while it delivers"),
    lastDeliveredAt: timestamp().nullable(),
    failedLast24h: z.number().int().min(0).describe("Attempts that failed in the last 24 hours"),
    pending: z.number().int().min(0).describe("Messages still to be sent, including those held while disabled"),
    dead: z.number().int().min(0).describe("Messages given up on; replay them once the receiver is fixed"),
  })
  .meta({ id: "EndpointHealth", description: "How deliveries to one webhook endpoint are going" });

export const endpointHealthListSchema = z
  .object({ data: z.array(endpointHealthSchema) })
  .meta({ id: "EndpointHealthList", description: "Every webhook endpoint with its delivery health" });

export type EndpointHealthView = z.infer<typeof endpointHealthSchema>;

/** Body of `POST /api/admin/webhook-endpoints/{id}/disable`. */
export const endpointDisableSchema = z
  .object({ reason: requiredText(500).describe("Why it is turned off, shown on the Integrations page") })
  .meta({ id: "EndpointDisable" });

const rangeOrder = "must be after since";

/** Body of `POST /api/admin/webhook-endpoints/{id}/replay`. */
export const endpointReplaySchema = z
  .object({
    since: timestampInput().describe("Replay messages created at or after this moment"),
    until: timestampInput().describe("…and before this one"),
    includeDelivered: z
      .boolean({ error: fieldError("must be true or false") })
      .default(false)
      .describe("Also send again messages that were delivered; by default only dead ones"),
  })
  // A moment that is not one has been named already by its own check; only two moments can be out of order.
  .refine((range) => !(Date.parse(range.until) <= Date.parse(range.since)), { error: rangeOrder, path: ["until"] })
  .meta({ id: "EndpointReplay" });

export type EndpointReplay = z.infer<typeof endpointReplaySchema>;

export const endpointReplayResultSchema = z
  .object({
    endpointId: z.string(),
    replayed: z.number().int().min(0).describe("How many messages were queued again"),
  })
  .meta({ id: "EndpointReplayResult" });

export const endpointStateSchema = z
  .object({ id: z.string(), enabled: z.boolean(), disabledReason: z.string().nullable() })
  .meta({ id: "EndpointState" });
