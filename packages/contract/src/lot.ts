import { z } from "zod";
import { compareDecimals, priceString, volumeString } from "./decimal";

export const lotStatuses = ["draft", "published", "closed", "awarded", "cancelled"] as const;
export const units = ["t", "kg", "m3", "l", "bu"] as const;
export const incoterms = ["EXW", "FCA", "CPT", "CIP", "DAP", "DPU", "DDP", "FAS", "FOB", "CFR", "CIF"] as const;
export const currencies = ["EUR", "USD", "GBP", "CHF", "PLN", "CAD", "AUD", "BRL", "UAH", "RON"] as const;

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: "is required" })
    .max(max, { error: `must be at most ${max} characters` });

/** What a buyer fills in to create or edit a lot. */
export const lotInputSchema = z
  .object({
    title: text(160),
    commodity: text(80),
    description: z.string().trim().max(5000, { error: "must be at most 5000 characters" }).default(""),
    qualitySpecs: z.string().trim().max(5000, { error: "must be at most 5000 characters" }).default(""),
    volume: volumeString().refine((v) => compareDecimals(v, "0") > 0, { error: "must be greater than 0" }),
    unit: z.enum(units, { error: `must be one of ${units.join(", ")}` }),
    minBidVolume: volumeString().refine((v) => compareDecimals(v, "0") > 0, { error: "must be greater than 0" }),
    partialBidsAllowed: z.boolean().default(true),
    targetPrice: priceString().nullable().default(null),
    currency: z.enum(currencies, { error: `must be one of ${currencies.join(", ")}` }),
    deliveryLocation: text(200),
    incoterm: z.enum(incoterms, { error: `must be an Incoterm 2020 rule: ${incoterms.join(", ")}` }),
    deliveryStart: z.iso.date({ error: "must be a date like 2026-09-01" }),
    deliveryEnd: z.iso.date({ error: "must be a date like 2026-09-30" }),
    biddingDeadline: z.iso.datetime({ offset: true, error: "must be a date and time like 2026-08-15T12:00:00Z" }),
    paymentTerms: text(500),
  })
  .superRefine((lot, context) => {
    if (compareDecimals(lot.minBidVolume, lot.volume) > 0) {
      context.addIssue({ code: "custom", path: ["minBidVolume"], message: "must not exceed the lot's volume" });
    }
    if (lot.deliveryEnd < lot.deliveryStart) {
      context.addIssue({ code: "custom", path: ["deliveryEnd"], message: "must not be before deliveryStart" });
    }
  })
  .meta({ id: "LotInput" });

export type LotInput = z.infer<typeof lotInputSchema>;

export const lotSchema = z
  .object({
    id: z.string(),
    number: z.string().describe("Human lot number, LOT-<year>-<6 digits>"),
    status: z.enum(lotStatuses),
    buyerOrganization: z.object({ id: z.string(), name: z.string() }),
    title: z.string(),
    commodity: z.string(),
    description: z.string(),
    qualitySpecs: z.string(),
    volume: z.string(),
    unit: z.enum(units),
    minBidVolume: z.string(),
    partialBidsAllowed: z.boolean(),
    targetPrice: z.string().nullable(),
    currency: z.enum(currencies),
    deliveryLocation: z.string(),
    incoterm: z.enum(incoterms),
    deliveryStart: z.string(),
    deliveryEnd: z.string(),
    biddingDeadline: z.string(),
    paymentTerms: z.string(),
    allocatedVolume: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "Lot" });

export type Lot = z.infer<typeof lotSchema>;
