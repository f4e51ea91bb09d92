import type { Bid } from "@lotbridge/contract/bid";
import { formatDateTime } from "@lotbridge/format/format-date-time";
import { formatMoney } from "@lotbridge/format/format-money";
import { formatPrice } from "@lotbridge/format/format-price";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { notifyOrganization } from "@lotbridge/notifications/notify-organization";
import type { ProducerTx } from "../../db/database";
import type { BidSnapshotEvent } from "./apply-bid-snapshot";
import type { ProducerBidRow } from "./producer-bid-table";

type Terms = { volume: string; pricePerUnit: string; currency: string; total: string };
/** `terms`: what the email's facts show, the bid's unless the notice is about an offer. */
type Told = { type: string; title: string; body: string; emailByDefault: boolean; terms?: Terms };

/**
 * What a newly applied bid event tells the producer organization. Answers the producer gave itself (withdrawal,
 * counter-offer accepted or rejected, its own counter back) tell nothing: the bid page shows them, and an accepted
 * counter-offer's contract brings its own notification.
 */
export async function tellBidEvent(
  tx: ProducerTx,
  publicUrl: string,
  event: BidSnapshotEvent,
  before: ProducerBidRow,
): Promise<void> {
  const told = noticeFor(event, before);
  if (!told) return;
  const { terms = event.data, ...notice } = told;
  await notifyOrganization(tx, publicUrl, {
    organizationId: before.organizationId,
    ...notice,
    link: `/bids/${before.id}`,
    facts: [
      ["Lot", `${before.lotNumber} — ${before.lotTitle}`],
      ["Volume", formatQuantity(terms.volume, before.unit)],
      ["Price per unit", formatPrice(terms.pricePerUnit, terms.currency, before.unit)],
      ["Total", formatMoney(terms.total, terms.currency)],
    ],
  });
}

function noticeFor(event: BidSnapshotEvent, before: ProducerBidRow): Told | undefined {
  const bid = event.data;
  const lot = before.lotNumber;
  const terms = `${formatQuantity(bid.volume, before.unit)} at ${formatPrice(bid.pricePerUnit, bid.currency, before.unit)}`;
  switch (event.type) {
    case "bid.received":
      // A revision's snapshot is a bid.received too; only the first one is news.
      if (before.version !== 0) return undefined;
      return {
        type: "bid.received",
        title: `Your bid on ${lot} reached the buyer`,
        body: `${terms}.`,
        emailByDefault: false,
      };
    case "bid.accepted":
      return {
        type: "bid.accepted",
        title: `Your bid on ${lot} was accepted`,
        body: `${terms} (total ${formatMoney(bid.total, bid.currency)}). The contract follows for your signature.`,
        emailByDefault: true,
      };
    case "bid.rejected":
      return {
        type: "bid.rejected",
        title: `Your bid on ${lot} was rejected`,
        body: bid.rejectionReason || "The buyer gave no reason.",
        emailByDefault: true,
      };
    case "bid.counter_offer":
      return buyerCounterOffer(bid, before);
    case "bid.expired":
      return {
        type: "bid.expired",
        title: `Your bid on ${lot} expired`,
        body: "The buyer did not decide before the offer's validity ended.",
        emailByDefault: false,
      };
    default:
      return undefined;
  }
}

/** `bid.counter_offer` is also sent for the producer's own counter back; only the buyer's is news here. */
function buyerCounterOffer(bid: Bid, before: ProducerBidRow): Told | undefined {
  const offer = bid.offers.find((o) => o.status === "pending");
  if (offer?.fromParty !== "buyer") return undefined;
  const unit = before.unit;
  const lines = [
    `${formatQuantity(offer.volume, unit)} at ${formatPrice(offer.pricePerUnit, offer.currency, unit)} (total ${formatMoney(offer.total, offer.currency)}).`,
    offer.deliveryTerms && `Delivery terms: ${offer.deliveryTerms}.`,
    offer.message && `Message: ${offer.message}`,
    `Answer by ${formatDateTime(offer.expiresAt, "UTC")}.`,
  ];
  return {
    type: "bid.counter_offer",
    title: `The buyer countered your bid on ${before.lotNumber}`,
    body: lines.filter(Boolean).join(" "),
    emailByDefault: true,
    terms: offer,
  };
}
