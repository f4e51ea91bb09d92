import { z } from "zod";
import { bidSchema } from "./bid";
import { fieldError } from "./field-error";
import { timestampInput } from "./iso-time";
import { pageSchema } from "./page";

const limitMessage = "must be a whole number from 1 to 100";

/**
 * Query of `GET /api/bids`: the calling platform's bids, least recently changed first, so a platform that keeps the
 * last `updatedAt` it saw can ask for what changed since.
 */
export const bidListQuerySchema = z
  .object({
    cursor: z
      .string()
      .min(1, { error: "must not be empty; leave it out to start from the first bid" })
      .max(200, { error: "must be a nextCursor from a previous page" })
      .optional()
      .describe("The nextCursor of the previous page; leave it out to start at the beginning"),
    limit: z.coerce
      .number({ error: fieldError(limitMessage) })
      .int({ error: limitMessage })
      .min(1, { error: limitMessage })
      .max(100, { error: limitMessage })
      .default(50)
      .describe("Bids per page"),
    updatedSince: timestampInput()
      .optional()
      .describe("Only bids changed at or after this moment (ISO-8601 with Z or an offset)"),
  })
  .meta({ id: "BidListQuery" });

export type BidListQuery = z.infer<typeof bidListQuerySchema>;

export const bidPageSchema = pageSchema(bidSchema, {
  id: "BidPage",
  description: "The calling platform's bids, least recently changed first",
  nextCursor: "Pass as `cursor` to read on; null when this page is the last",
});

export type BidPage = z.infer<typeof bidPageSchema>;
