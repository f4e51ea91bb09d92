import { z } from "zod";
import { bidderSchema } from "./bid";
import { positivePrice, positiveVolume, requireTotalFits } from "./decimal";
import { fieldError } from "./field-error";
import { timestampInput } from "./iso-time";
import { currencySchema } from "./lot";
import { prefixedId } from "./prefixed-id";
import { optionalText, requiredText } from "./text";

/** The fields of a bid submission, for forms that pick some of them (zod cannot pick from a refined object). */
export const bidSubmissionFields = z.object(
  {
    lotId: prefixedId("lot"),
    externalBidId: requiredText(200).describe("The bid's id in the producer portal, echoed in every bid event"),
    bidder: bidderSchema,
    volume: positiveVolume(),
    pricePerUnit: positivePrice(),
    currency: currencySchema.describe("Must be the lot's currency"),
    deliveryTerms: optionalText(2000, { multiline: true }),
    message: optionalText(2000, { multiline: true }).describe("A note to the buyer"),
    validUntil: timestampInput().describe("The bid stands until this moment; it must be in the future"),
  },
  { error: fieldError("must be a JSON object") },
);

/** `POST /api/bids`: a producer's bid, sent by the producer portal on the producer's behalf. */
export const bidSubmissionSchema = bidSubmissionFields
  .superRefine(requireTotalFits("volume", "pricePerUnit"))
  .meta({ id: "BidSubmission", description: "A new bid on a published lot" });

export type BidSubmission = z.infer<typeof bidSubmissionSchema>;
