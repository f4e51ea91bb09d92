import { z } from "zod";
import { eventEnvelopeSchema } from "./event-envelope";
import { fieldError } from "./field-error";
import { pageSchema } from "./page";

const limitMessage = "must be a whole number from 1 to 100";

/** Query of `GET /api/events`, the ordered feed a producer portal replays to catch up after a gap. */
export const eventFeedQuerySchema = z
  .object({
    after: z
      .string()
      .min(1, { error: "must not be empty; leave it out to start from the first event" })
      .regex(/^(\d{1,19}\.)?\d{1,19}$/, { error: "must be a nextCursor from a previous page" })
      .optional()
      .describe("The nextCursor of the previous page; leave it out to start from the first event"),
    limit: z.coerce
      .number({ error: fieldError(limitMessage) })
      .int({ error: limitMessage })
      .min(1, { error: limitMessage })
      .max(100, { error: limitMessage })
      .default(100)
      .describe("Events per page"),
  })
  .meta({ id: "EventFeedQuery" });

export type EventFeedQuery = z.infer<typeof eventFeedQuerySchema>;

export const eventFeedPageSchema = pageSchema(eventEnvelopeSchema, {
  id: "EventFeedPage",
  description:
    "Events oldest first, in the order of the transactions that wrote them. An event is listed once every transaction that began writing before it has ended, so nothing ever appears behind a cursor already passed",
  nextCursor:
    "Pass as `after` to read on. It is set whenever this page holds events, so a consumer that reached the end can poll again from it; null only when no event follows `after` yet",
});

export type EventFeedPage = z.infer<typeof eventFeedPageSchema>;
