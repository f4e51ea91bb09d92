import { requiredText } from "@lotbridge/contract/text";
import { z } from "zod";
import { marketplaceQuerySchema } from "../marketplace/marketplace-query";

/** The marketplace filters a search keeps; sort, page and page size are how a list is read, not what is sought. */
export const savedSearchFilterKeys = [
  "q",
  "commodity",
  "location",
  "deliveryFrom",
  "deliveryTo",
  "minVolume",
  "maxVolume",
] as const;

export const savedSearchNameSchema = z.object({ name: requiredText(80) });

/**
 * Body of `POST /api/saved-searches`: a name and the marketplace's filters exactly as its form sends them (empty
 * means any), validated by the marketplace's own query schema, so a search saves only what the marketplace accepts.
 */
export const savedSearchInputSchema = z.intersection(
  savedSearchNameSchema,
  z.preprocess(
    (body) =>
      body && typeof body === "object"
        ? Object.fromEntries(savedSearchFilterKeys.map((key) => [key, (body as Record<string, unknown>)[key]]))
        : body,
    marketplaceQuerySchema,
  ),
);

export type SavedSearchInput = z.infer<typeof savedSearchInputSchema>;
export type SavedSearchFilters = Pick<SavedSearchInput, (typeof savedSearchFilterKeys)[number]>;
