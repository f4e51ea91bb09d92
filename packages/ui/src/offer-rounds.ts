/** The negotiation thread's statuses and parties as both portals receive them (@lotbridge/contract/offer). */
export type OfferStatus = "pending" | "accepted" | "rejected" | "superseded" | "expired";
export type Party = "buyer" | "producer";

/** One round of a bid's negotiation as the thread shows it: a structural subset of the contract's Offer. */
export interface OfferRound {
  id: string;
  round: number;
  fromParty: Party;
  volume: string;
  pricePerUnit: string;
  currency: string;
  total: string;
  deliveryTerms: string;
  message: string;
  expiresAt: string;
  status: OfferStatus;
  createdAt: string;
}

/** "239.0000" → "239.00" (minDecimals 2), "100.000" → "100": the decimal as a person writes it, never via a float. */
export function plainDecimal(value: string, minDecimals = 0): string {
  const [whole, fraction = ""] = value.split(".");
  const kept = fraction.replace(/0+$/, "").padEnd(minDecimals, "0");
  return kept ? `${whole}.${kept}` : whole;
}

type Terms = Pick<OfferRound, "volume" | "pricePerUnit" | "deliveryTerms">;

/** What a round changed from the one before it, e.g. ["price 245.50 → 239.00", "volume 120 → 100"]. */
export function offerChanges(previous: Terms | undefined, offer: Terms): string[] {
  if (!previous) return [];
  const changes: string[] = [];
  const price = [plainDecimal(previous.pricePerUnit, 2), plainDecimal(offer.pricePerUnit, 2)];
  if (price[0] !== price[1]) changes.push(`price ${price[0]} → ${price[1]}`);
  const volume = [plainDecimal(previous.volume), plainDecimal(offer.volume)];
  if (volume[0] !== volume[1]) changes.push(`volume ${volume[0]} → ${volume[1]}`);
  if (previous.deliveryTerms !== offer.deliveryTerms) {
    changes.push(`delivery terms “${previous.deliveryTerms || "—"}” → “${offer.deliveryTerms || "—"}”`);
  }
  return changes;
}

/** How an offer's status reads in the negotiation thread, in both portals. */
export const OFFER_STATUS_LABEL: Record<OfferStatus, string> = {
  pending: "Waiting for an answer",
  accepted: "Accepted",
  rejected: "Rejected",
  superseded: "Countered",
  expired: "Expired",
};
