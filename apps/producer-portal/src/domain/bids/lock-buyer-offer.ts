import type { Offer } from "@lotbridge/contract/offer";
import { DomainError } from "@lotbridge/contract/problem";
import { formatDateTime } from "@lotbridge/format/format-date-time";
import type { ProducerTx } from "../../db/database";
import { lockChangeableBid } from "./lock-changeable-bid";
import type { ProducerBidRow } from "./producer-bid-table";

export interface AnswerableOffer {
  bid: ProducerBidRow & { buyerBidId: string };
  /** The buyer's pending counter-offer, as the last snapshot had it. */
  offer: Offer;
}

/**
 * The organization's countered bid, locked, with the buyer's counter-offer the producer may answer now: it is the
 * pending round (`offerId` if the producer named the one they saw), it is the buyer's, and it has not expired.
 * The buyer portal decides again when the call arrives; checking here explains most refusals at once.
 */
export async function lockBuyerOffer(
  tx: ProducerTx,
  organizationId: string,
  bidId: string,
  offerId: string | undefined,
  now: Date,
): Promise<AnswerableOffer> {
  const bid = await lockChangeableBid(tx, organizationId, bidId, { action: "answered", state: "countered" });
  const offer = bid.offers.find((o) => o.status === "pending");
  if (!offer) {
    throw new DomainError("offer-not-pending", 409, "This bid has no counter-offer waiting for your answer.");
  }
  if (offer.fromParty !== "buyer") {
    throw new DomainError(
      "not-your-turn",
      409,
      "Your counter-offer is with the buyer; you can answer once the buyer counters again.",
    );
  }
  if (offerId !== undefined && offer.id !== offerId) {
    // Answering an offer the producer did not see would accept terms they never read.
    throw new DomainError(
      "offer-not-pending",
      409,
      `That counter-offer is no longer the latest; reload the bid to see round ${offer.round}.`,
    );
  }
  if (new Date(offer.expiresAt) <= now) {
    throw new DomainError(
      "offer-expired",
      409,
      `The buyer's counter-offer expired on ${formatDateTime(offer.expiresAt, "UTC")}; it can no longer be answered.`,
    );
  }
  return { bid, offer };
}
