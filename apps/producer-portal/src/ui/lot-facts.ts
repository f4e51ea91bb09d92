import { formatDate } from "@lotbridge/format/format-date";
import { formatDateTime } from "@lotbridge/format/format-date-time";
import { formatPrice } from "@lotbridge/format/format-price";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import type { MarketplaceLot } from "@/domain/marketplace/marketplace-lot";

const price = (lot: MarketplaceLot) =>
  lot.targetPrice ? formatPrice(lot.targetPrice, lot.currency, lot.unit) : `open (${lot.currency})`;

/** Every field of a lot, labelled as a producer reads it; times in `timeZone`, the viewer's. */
export function lotFacts(lot: MarketplaceLot, timeZone: string): [string, string][] {
  return [
    ["Lot number", lot.number],
    ["Buyer", lot.buyerOrganization.name],
    ["Status", lot.status],
    ["Commodity", lot.commodity],
    ["Quality specifications", lot.qualitySpecs || "—"],
    ["Volume", formatQuantity(lot.volume, lot.unit)],
    ["Allocated", formatQuantity(lot.allocatedVolume, lot.unit)],
    ["Remaining volume", formatQuantity(lot.remainingVolume, lot.unit)],
    ["Minimum bid volume", formatQuantity(lot.minBidVolume, lot.unit)],
    ["Partial bids", lot.partialBidsAllowed ? "allowed" : "not allowed: bid for the whole volume"],
    ["Target price", price(lot)],
    ["Currency", lot.currency],
    ["Delivery location", lot.deliveryLocation],
    ["Incoterm", lot.incoterm],
    ["Delivery window", `${formatDate(lot.deliveryStart)} – ${formatDate(lot.deliveryEnd)}`],
    ["Bidding deadline", formatDateTime(lot.biddingDeadline, timeZone)],
    ["Payment terms", lot.paymentTerms],
    ["Published", lot.publishedAt ? formatDateTime(lot.publishedAt, timeZone) : "—"],
    ["Last changed", formatDateTime(lot.updatedAt, timeZone)],
  ];
}
