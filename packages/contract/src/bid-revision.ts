import { z } from "zod";
import { positivePrice, positiveVolume, requireTotalFits } from "./decimal";
import { fieldError } from "./field-error";
import { timestampInput } from "./iso-time";
import { multilineText } from "./text";

const revisable = ["volume", "pricePerUnit", "deliveryTerms", "message", "validUntil"] as const;
const text = () => multilineText(2000).optional();

/** `PATCH /api/bids/{id}`: the fields a producer changes while the bid is still `submitted`. */
export const bidRevisionSchema = z
  .object(
    {
      volume: positiveVolume().optional(),
      pricePerUnit: positivePrice().optional(),
      deliveryTerms: text(),
      message: text(),
      validUntil: timestampInput().optional(),
    },
    { error: fieldError("must be a JSON object") },
  )
  .refine((revision) => revisable.some((field) => revision[field] !== undefined), {
    error: `must change at least one of ${revisable.join(", ")}`,
  })
  // Only when both change; a revision of one meets the other's stored value in the bid terms (bid-terms.ts).
  .superRefine(requireTotalFits("volume", "pricePerUnit"))
  .meta({ id: "BidRevision", description: "Changes to a submitted bid; send only what changes", minProperties: 1 });

export type BidRevision = z.infer<typeof bidRevisionSchema>;
