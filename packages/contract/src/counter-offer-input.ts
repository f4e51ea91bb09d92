import { z } from "zod";
import { positivePrice, positiveVolume, requireTotalFits } from "./decimal";
import { fieldError } from "./field-error";
import { timestampInput } from "./iso-time";
import { optionalText } from "./text";

/**
 * The terms of a counter-offer: the buyer's (`POST /api/bids/{id}/counter`) or the producer's counter back
 * (`POST /api/bids/{id}/counter-offers`). The currency stays the bid's.
 */
export const counterOfferInputSchema = z
  .object(
    {
      volume: positiveVolume(),
      pricePerUnit: positivePrice(),
      deliveryTerms: optionalText(2000, { multiline: true }),
      message: optionalText(2000, { multiline: true }),
      expiresAt: timestampInput("2026-08-20T12:00:00Z").describe("The offer can be accepted until this moment"),
    },
    { error: fieldError("must be a JSON object") },
  )
  .superRefine(requireTotalFits("volume", "pricePerUnit"))
  .meta({ id: "CounterOfferInput", description: "New terms proposed against the other party's latest offer" });

export type CounterOfferInput = z.infer<typeof counterOfferInputSchema>;
