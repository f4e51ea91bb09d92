import type { Offer } from "@lotbridge/contract/offer";

/** "239.0000" → "239.00" (minDecimals 2), "100.000" → "100": the decimal as a person writes it, never via a float. */
export function plainDecimal(value: string, minDecimals = 0): string {
  const [whole, fraction = ""] = value.split(".");
  const kept = fraction.replace(/0+$/, "").padEnd(minDecimals, "0");
  return kept ? `${whole}.${kept}` : whole;
}

/** What a round changed from the one before it, e.g. ["price 245.50 → 239.00", "volume 120 → 100"]. */
export function offerChanges(previous: Offer | undefined, offer: Offer): string[] {
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

/** How an offer's status reads in the buyer's thread. */
export const OFFER_STATUS_LABEL: Record<Offer["status"], string> = {
  pending: "waiting for an answer",
  accepted: "accepted",
  rejected: "rejected",
  superseded: "countered",
  expired: "expired",
};
