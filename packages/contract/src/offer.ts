import { z } from "zod";
import { amountString, priceString, volumeString } from "./decimal";
import { timestamp } from "./iso-time";
import { currencySchema } from "./lot";
import { prefixedId } from "./prefixed-id";

export const parties = ["buyer", "producer"] as const;
export type Party = (typeof parties)[number];

export const offerStatuses = ["pending", "accepted", "rejected", "superseded", "expired"] as const;
export type OfferStatus = (typeof offerStatuses)[number];

/** One round of a bid's negotiation thread: terms one party proposes to the other. */
export const offerSchema = z
  .object({
    id: prefixedId("ofr"),
    round: z.number().int().min(1).max(10_000).describe("Position in the thread, counting from 1"),
    fromParty: z.enum(parties),
    volume: volumeString(),
    pricePerUnit: priceString(),
    currency: currencySchema,
    total: amountString(),
    deliveryTerms: z.string(),
    message: z.string(),
    expiresAt: timestamp().describe("After this moment the offer can no longer be accepted"),
    status: z.enum(offerStatuses).describe("Only the latest pending offer can be accepted, rejected or countered"),
    createdAt: timestamp(),
  })
  .meta({ id: "Offer", description: "One offer in a bid's negotiation thread" });

export type Offer = z.infer<typeof offerSchema>;
