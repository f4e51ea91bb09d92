import { bidSubmissionFields } from "@lotbridge/contract/bid-submission";
import { requireTotalFits } from "@lotbridge/contract/decimal";

/**
 * What a producer fills in on the lot page; the lot and the bidder come from the URL and the session. Its total must
 * fit a contract, as the buyer portal's `POST /api/bids` demands.
 */
export const bidFormSchema = bidSubmissionFields
  .pick({ volume: true, pricePerUnit: true, currency: true, deliveryTerms: true, message: true, validUntil: true })
  .superRefine(requireTotalFits("volume", "pricePerUnit"));
