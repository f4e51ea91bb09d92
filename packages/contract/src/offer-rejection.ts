import { z } from "zod";
import { fieldError } from "./field-error";

/** Body of `POST /api/bids/{id}/counter-offers/{offerId}/reject`; the body itself may be left out. */
export const offerRejectionSchema = z
  .object(
    {
      reason: z
        .string({ error: "must be text" })
        .trim()
        .max(1000, { error: "must be at most 1000 characters" })
        .optional()
        .describe("Shown to the party that made the offer"),
    },
    { error: fieldError("must be a JSON object") },
  )
  .meta({ id: "OfferRejection", description: "Why a counter-offer is rejected" });

export type OfferRejection = z.infer<typeof offerRejectionSchema>;
