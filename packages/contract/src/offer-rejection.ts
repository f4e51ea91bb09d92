import { z } from "zod";
import { fieldError } from "./field-error";
import { multilineText } from "./text";

/** Body of `POST /api/bids/{id}/counter-offers/{offerId}/reject`; the body itself may be left out. */
export const offerRejectionSchema = z
  .object(
    {
      reason: multilineText(1000).optional().describe("Shown to the party that made the offer"),
    },
    { error: fieldError("must be a JSON object") },
  )
  .meta({ id: "OfferRejection", description: "Why a counter-offer is rejected" });

export type OfferRejection = z.infer<typeof offerRejectionSchema>;
