import { z } from "zod";
import { compareDecimals, positiveVolume, priceString, requireTotalFits, volumeString } from "./decimal";
import {
  noDeliveryTerms,
  qualityParametersSchema,
  qualityParameterViewSchema,
  toleranceSchema,
} from "./delivery-terms";
import { calendarDate, timestamp, timestampInput } from "./iso-time";
import { prefixedId } from "./prefixed-id";
import { snapshotVersion } from "./snapshot-version";
import { optionalText, requiredText } from "./text";

export const lotStatuses = ["draft", "published", "closed", "awarded", "cancelled"] as const;
export type LotStatus = (typeof lotStatuses)[number];
export const units = ["t", "kg", "m3", "l", "bu"] as const;
export const incoterms = ["EXW", "FCA", "CPT", "CIP", "DAP", "DPU", "DDP", "FAS", "FOB", "CFR", "CIF"] as const;
export const currencies = ["EUR", "USD", "GBP", "CHF", "PLN", "CAD", "AUD", "BRL", "UAH", "RON"] as const;

export const unitSchema = z.enum(units, { error: `must be one of ${units.join(", ")}` });
export const currencySchema = z.enum(currencies, { error: `must be one of ${currencies.join(", ")}` });
export const incotermSchema = z.enum(incoterms, { error: `must be an Incoterm 2020 rule: ${incoterms.join(", ")}` });

export const lotNumber = () =>
  z.string().regex(/^LOT-\d{4}-\d{6}$/, { error: "must be a lot number like LOT-2026-000123" });

/** What a buyer fills in to create or edit a lot. */
export const lotInputSchema = z
  .object({
    title: requiredText(160),
    commodity: requiredText(80),
    description: optionalText(5000, { multiline: true }),
    qualitySpecs: optionalText(5000, { multiline: true }),
    volume: positiveVolume(),
    unit: unitSchema,
    minBidVolume: positiveVolume(),
    partialBidsAllowed: z.boolean({ error: "must be true or false" }).default(true),
    targetPrice: priceString().nullable().default(null),
    currency: currencySchema,
    deliveryLocation: requiredText(200),
    incoterm: incotermSchema,
    deliveryStart: calendarDate("2026-09-01"),
    deliveryEnd: calendarDate("2026-09-30"),
    biddingDeadline: timestampInput(),
    paymentTerms: requiredText(500, { multiline: true }),
    tolerance: toleranceSchema
      .optional()
      .describe("Left out: the commodity's usual tolerance when the lot is created, unchanged when it is edited"),
    qualityParameters: qualityParametersSchema
      .optional()
      .describe("Left out: the commodity's usual parameters when the lot is created, unchanged when it is edited"),
  })
  .superRefine((lot, context) => {
    if (compareDecimals(lot.minBidVolume, lot.volume) > 0) {
      context.addIssue({ code: "custom", path: ["minBidVolume"], message: "must not exceed the lot's volume" });
    }
    if (lot.deliveryEnd < lot.deliveryStart) {
      context.addIssue({ code: "custom", path: ["deliveryEnd"], message: "must not be before deliveryStart" });
    }
  })
  // A bid for the whole lot at the target price must be able to become a contract.
  .superRefine(requireTotalFits("volume", "targetPrice"))
  .meta({ id: "LotInput" });

export type LotInput = z.infer<typeof lotInputSchema>;

/** A lot as the API answers it, and the snapshot every lot event carries. */
export const lotSchema = z
  .object({
    id: prefixedId("lot"),
    number: lotNumber().describe("Human lot number, LOT-<year>-<6 digits>"),
    status: z.enum(lotStatuses),
    buyerOrganization: z.object({ id: z.string(), name: z.string() }),
    title: z.string(),
    commodity: z.string(),
    description: z.string(),
    qualitySpecs: z.string(),
    volume: volumeString(),
    unit: unitSchema,
    minBidVolume: volumeString(),
    partialBidsAllowed: z.boolean(),
    targetPrice: priceString().nullable(),
    currency: currencySchema,
    deliveryLocation: z.string(),
    incoterm: incotermSchema,
    deliveryStart: calendarDate(),
    deliveryEnd: calendarDate(),
    biddingDeadline: timestamp(),
    paymentTerms: z.string(),
    // Defaults: snapshots stored before lots had delivery terms read as ±0 % and no parameters.
    tolerance: toleranceSchema.default(noDeliveryTerms.tolerance),
    qualityParameters: z.array(qualityParameterViewSchema).default([]),
    allocatedVolume: volumeString().describe("Volume already awarded to accepted bids"),
    publishedAt: timestamp().nullable().describe("When the lot was published; null for a draft"),
    createdAt: timestamp(),
    updatedAt: timestamp(),
    version: snapshotVersion(),
  })
  .meta({ id: "Lot", description: "A lot: what a buyer wants to buy, how much, on which terms" });

export type Lot = z.infer<typeof lotSchema>;
