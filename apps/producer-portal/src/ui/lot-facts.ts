import type { MarketplaceLot } from "@/domain/marketplace/marketplace-lot";

const price = (lot: MarketplaceLot) =>
  lot.targetPrice ? `${lot.targetPrice} ${lot.currency} per ${lot.unit}` : `open (${lot.currency})`;

/** Every field of a lot, labelled as a producer reads it. */
export function lotFacts(lot: MarketplaceLot): [string, string][] {
  return [
    ["Lot number", lot.number],
    ["Buyer", lot.buyerOrganization.name],
    ["Status", lot.status],
    ["Commodity", lot.commodity],
    ["Quality specifications", lot.qualitySpecs || "—"],
    ["Volume", `${lot.volume} ${lot.unit}`],
    ["Allocated", `${lot.allocatedVolume} ${lot.unit}`],
    ["Remaining volume", `${lot.remainingVolume} ${lot.unit}`],
    ["Minimum bid volume", `${lot.minBidVolume} ${lot.unit}`],
    ["Partial bids", lot.partialBidsAllowed ? "allowed" : "not allowed: bid for the whole volume"],
    ["Target price", price(lot)],
    ["Currency", lot.currency],
    ["Delivery location", lot.deliveryLocation],
    ["Incoterm", lot.incoterm],
    ["Delivery window", `${lot.deliveryStart} – ${lot.deliveryEnd}`],
    ["Bidding deadline", new Date(lot.biddingDeadline).toUTCString()],
    ["Payment terms", lot.paymentTerms],
    ["Published", lot.publishedAt ? new Date(lot.publishedAt).toUTCString() : "—"],
    ["Last changed", new Date(lot.updatedAt).toUTCString()],
  ];
}
