import { z } from "zod";
import { fieldError } from "./field-error";
import { timestamp } from "./iso-time";
import { pageSchema } from "./page";
import { prefixedId } from "./prefixed-id";
import { singleLineText } from "./text";

export const outboxStatuses = ["pending", "delivered", "dead", "cancelled"] as const;

const limitMessage = "must be a whole number from 1 to 200";

/** Query of `GET /api/admin/messages`: the buyer portal's outgoing messages, newest first. */
export const messageListQuerySchema = z
  .object({
    cursor: prefixedId("msg")
      .optional()
      .describe("The nextCursor of the previous page; leave it out for the newest messages"),
    limit: z.coerce
      .number({ error: fieldError(limitMessage) })
      .int({ error: limitMessage })
      .min(1, { error: limitMessage })
      .max(200, { error: limitMessage })
      .default(50)
      .describe("Messages per page"),
    status: z
      .enum(outboxStatuses, { error: `must be one of ${outboxStatuses.join(", ")}` })
      .optional()
      .describe("Only messages in this state"),
    endpoint: singleLineText(200)
      .min(1, { error: "must not be empty; leave it out for every endpoint" })
      .optional()
      .describe("Only webhooks to this endpoint (its id)"),
    platform: singleLineText(100)
      .min(1, { error: "must not be empty; leave it out for every platform" })
      .optional()
      .describe("Only webhooks to the endpoints of this producer platform (its id)"),
    eventId: prefixedId("evt").optional().describe("Only the copies of this event, one per endpoint it was sent to"),
  })
  .meta({ id: "MessageListQuery" });

export type MessageListQuery = z.infer<typeof messageListQuerySchema>;

export const deliveryMessageSchema = z
  .object({
    id: z.string().describe("The message's id (msg_…)"),
    kind: z.string().describe("`webhook`, `email`, …"),
    destination: z.string().describe("For a webhook, the id of its endpoint"),
    eventType: z.string().nullable(),
    eventId: z.string().nullable().describe("Sent as `webhook-id`; identical in every copy and every retry"),
    status: z.enum(outboxStatuses),
    attempts: z.number().int().min(0),
    nextAttemptAt: timestamp().nullable().describe("When the next attempt is due; null unless pending"),
    lastStatus: z.number().int().nullable().describe("The receiver's HTTP status at the last attempt"),
    lastError: z.string().nullable(),
    createdAt: timestamp(),
    deliveredAt: timestamp().nullable(),
  })
  .meta({ id: "DeliveryMessage", description: "One outgoing message and where its delivery stands" });

export type DeliveryMessage = z.infer<typeof deliveryMessageSchema>;

export const messagePageSchema = pageSchema(deliveryMessageSchema, {
  id: "MessagePage",
  description: "Outgoing messages, newest first",
  nextCursor: "Pass as `cursor` to get older messages; null on the last page",
});

export type MessagePage = z.infer<typeof messagePageSchema>;
