import type { Offer } from "@lotbridge/contract/offer";

/** "240.5000" → "240.50", "100.000" → "100": the decimal as a person writes it, never through a float. */
export function plainDecimal(value: string, minDecimals = 0): string {
  const [whole, fraction = ""] = value.split(".");
  const kept = fraction.replace(/0+$/, "").padEnd(minDecimals, "0");
  return kept ? `${whole}.${kept}` : whole;
}

/** What a round changed from the one before it: "price 240.50 → 236.00", "volume 100 → 80". */
export function offerChanges(previous: Offer | undefined, offer: Offer): string[] {
  if (!previous) return [];
  const changes: string[] = [];
  const volume = [plainDecimal(previous.volume), plainDecimal(offer.volume)];
  if (volume[0] !== volume[1]) changes.push(`volume ${volume[0]} → ${volume[1]}`);
  const price = [plainDecimal(previous.pricePerUnit, 2), plainDecimal(offer.pricePerUnit, 2)];
  if (price[0] !== price[1]) changes.push(`price ${price[0]} → ${price[1]}`);
  if (previous.deliveryTerms !== offer.deliveryTerms) {
    changes.push(`delivery terms “${previous.deliveryTerms || "—"}” → “${offer.deliveryTerms || "—"}”`);
  }
  return changes;
}

/** How an offer's status reads in the thread. */
export const OFFER_STATUS_LABEL: Record<Offer["status"], string> = {
  pending: "Waiting for an answer",
  accepted: "Accepted",
  rejected: "Rejected",
  superseded: "Countered",
  expired: "Expired",
};
