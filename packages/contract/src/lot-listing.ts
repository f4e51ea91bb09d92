import { z } from "zod";
import { fieldError } from "./field-error";
import { timestampInput } from "./iso-time";
import { lotSchema } from "./lot";
import { pageSchema } from "./page";
import { singleLineText } from "./text";

/** The lots producers may see; drafts and cancelled lots are never listed. */
export const lotListingStatuses = ["published", "closed", "awarded"] as const;

const limitMessage = "must be a whole number from 1 to 100";

/** Query of `GET /api/lots/external`; values arrive as query-string text and are coerced. */
export const lotListingQuerySchema = z
  .object({
    status: z
      .enum(lotListingStatuses, { error: `must be one of ${lotListingStatuses.join(", ")}` })
      .default("published")
      .describe("Only lots in this status"),
    commodity: singleLineText(80)
      .min(1, { error: "must not be empty; leave it out to list every commodity" })
      .optional()
      .describe("Only lots of this commodity, e.g. Wheat"),
    q: singleLineText(200)
      .min(1, { error: "must not be empty; leave it out to list every lot" })
      .optional()
      .describe("Words to find in the lot's number, title, commodity or description"),
    updatedSince: timestampInput()
      .optional()
      .describe("Only lots changed at or after this moment, for incremental synchronisation"),
    cursor: z
      .string()
      .min(1, { error: "must not be empty; leave it out for the first page" })
      .regex(/^\d{1,15}$/, { error: "must be a nextCursor from a previous page" })
      .optional()
      .describe("The nextCursor of the previous page; leave it out for the first page"),
    limit: z.coerce
      .number({ error: fieldError(limitMessage) })
      .int({ error: limitMessage })
      .min(1, { error: limitMessage })
      .max(100, { error: limitMessage })
      .default(25)
      .describe("Lots per page"),
  })
  .meta({ id: "LotListingQuery" });

export type LotListingQuery = z.infer<typeof lotListingQuerySchema>;

export const lotPageSchema = pageSchema(lotSchema, {
  id: "LotPage",
  description: "A page of lots producers may see",
  nextCursor: "Pass as `cursor` to get the next page; null on the last page",
});
