import { z } from "zod";
import { amountString, priceString, volumeString } from "./decimal";
import { emailAddress } from "./email-address";
import { fieldError } from "./field-error";
import { timestamp } from "./iso-time";
import { currencySchema, lotNumber } from "./lot";
import { offerSchema } from "./offer";
import { prefixedId } from "./prefixed-id";
import { snapshotVersion } from "./snapshot-version";
import { requiredText } from "./text";

export const bidStatuses = ["submitted", "countered", "accepted", "rejected", "withdrawn", "expired"] as const;
export type BidStatus = (typeof bidStatuses)[number];

/** Where a bid came from; today every bid arrives through the producer portal's API. */
export const bidSource = "producer-portal";

/** Who placed a bid, as the producer portal knows them. */
export const bidderSchema = z
  .object(
    {
      organizationId: requiredText(200).describe("The producer organization's id in the producer portal"),
      organizationName: requiredText(200),
      name: requiredText(200).describe("The person who placed the bid"),
      email: emailAddress(),
    },
    { error: fieldError("must be an object with organizationId, organizationName, name and email") },
  )
  .meta({ id: "Bidder", description: "The producer organization and person behind a bid" });

export type Bidder = z.infer<typeof bidderSchema>;

/** A bid as the API answers it, and the snapshot every bid event carries, with its negotiation thread. */
export const bidSchema = z
  .object({
    id: prefixedId("bid"),
    lotId: prefixedId("lot"),
    lotNumber: lotNumber(),
    status: z.enum(bidStatuses),
    source: z.literal(bidSource),
    externalBidId: z.string().describe("The bid's id in the producer portal"),
    bidder: bidderSchema,
    volume: volumeString(),
    pricePerUnit: priceString(),
    currency: currencySchema,
    total: amountString(),
    deliveryTerms: z.string(),
    message: z.string(),
    validUntil: timestamp().describe("The producer's bid stands until this moment; after it the bid expires"),
    rejectionReason: z.string().nullable().describe("Why the buyer rejected the bid, or why it was rejected on award"),
    createdAt: timestamp(),
    updatedAt: timestamp(),
    version: snapshotVersion(),
    offers: z.array(offerSchema).describe("The negotiation thread, oldest round first"),
  })
  .meta({ id: "Bid", description: "A producer's bid on a lot, with its negotiation thread" });

export type Bid = z.infer<typeof bidSchema>;
