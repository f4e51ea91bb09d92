import { compareDecimals, volumeString } from "@lotbridge/contract/decimal";
import { fieldError } from "@lotbridge/contract/field-error";
import { calendarDate } from "@lotbridge/contract/iso-time";
import { singleLineText } from "@lotbridge/contract/text";
import { z } from "zod";

export const marketplaceSorts = ["deadline", "newest"] as const;
export type MarketplaceSort = (typeof marketplaceSorts)[number];

const limitMessage = "must be a whole number from 1 to 100";

/** A search form sends every field, empty or not: an empty one means "any". */
const blankAsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

/** Query of `GET /api/marketplace/lots` and of the marketplace page; values arrive as query-string text. */
export const marketplaceQuerySchema = z
  .object({
    q: blankAsAbsent(singleLineText(200)),
    commodity: blankAsAbsent(singleLineText(80)),
    location: blankAsAbsent(singleLineText(200)),
    deliveryFrom: blankAsAbsent(calendarDate()),
    deliveryTo: blankAsAbsent(calendarDate("2026-09-30")),
    minVolume: blankAsAbsent(volumeString()),
    maxVolume: blankAsAbsent(volumeString()),
    sort: blankAsAbsent(z.enum(marketplaceSorts, { error: "must be deadline or newest" })).transform(
      (sort): MarketplaceSort => sort ?? "deadline",
    ),
    cursor: blankAsAbsent(z.string().max(500, { error: "must be a nextCursor from a previous page" })),
    limit: blankAsAbsent(
      z.coerce
        .number({ error: fieldError(limitMessage) })
        .int({ error: limitMessage })
        .min(1, { error: limitMessage })
        .max(100, { error: limitMessage }),
    ).transform((limit) => limit ?? 20),
  })
  .superRefine((query, context) => {
    if (query.deliveryFrom && query.deliveryTo && query.deliveryTo < query.deliveryFrom) {
      context.addIssue({ code: "custom", path: ["deliveryTo"], message: "must not be before deliveryFrom" });
    }
    if (query.minVolume && query.maxVolume && compareDecimals(query.maxVolume, query.minVolume) < 0) {
      context.addIssue({ code: "custom", path: ["maxVolume"], message: "must not be less than minVolume" });
    }
  });

export type MarketplaceQuery = z.infer<typeof marketplaceQuerySchema>;
