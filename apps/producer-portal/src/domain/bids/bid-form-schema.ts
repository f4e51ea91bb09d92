import { bidSubmissionSchema } from "@lotbridge/contract/bid-submission";

/** What a producer fills in on the lot page; the lot and the bidder come from the URL and the session. */
export const bidFormSchema = bidSubmissionSchema.pick({
  volume: true,
  pricePerUnit: true,
  currency: true,
  deliveryTerms: true,
  message: true,
  validUntil: true,
});
