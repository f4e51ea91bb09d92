import type { Bid } from "@lotbridge/contract/bid";
import { formatDateTime } from "@lotbridge/format/format-date-time";
import { formatMoney } from "@lotbridge/format/format-money";
import { formatPrice } from "@lotbridge/format/format-price";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { notifyOrganization } from "@lotbridge/notifications/notify-organization";
import type { BuyerTx } from "../../db/database";
import type { LotRow } from "../lots/lot-table";
import type { BidRow, OfferRow } from "./bid-table";
import { publishBid } from "./publish-bid";

export type BidNews = "received" | "revised" | "withdrawn" | "expired";

const eventTypes = {
  received: "bid.received",
  revised: "bid.received",
  withdrawn: "bid.withdrawn",
  expired: "bid.expired",
} as const;

/** Expiry is no one's act, only the end of a wait: in-app only unless a user asks for email (notification-types.ts). */
const emailByDefault: Record<BidNews, boolean> = { received: true, revised: true, withdrawn: true, expired: false };

const moment = (date: Date) => formatDateTime(date, "UTC");

/**
 * Tells both sides about a changed bid, in the transaction of the change: the producer portal by the event (feed and
 * outbox), every user of the lot's buyer organization by a notification and, by their preferences, an email.
 */
export async function announceBid(
  tx: BuyerTx,
  { publicUrl, now }: { publicUrl: string; now: Date },
  lot: LotRow,
  row: BidRow,
  news: BidNews,
  thread?: OfferRow[],
): Promise<Bid> {
  const bid = await publishBid(tx, eventTypes[news], row, lot.number, now, thread);
  const lotName = `${lot.number} ${lot.title}`;
  const producer = bid.bidder.organizationName;
  const terms = `${formatQuantity(bid.volume, lot.unit)} at ${formatPrice(bid.pricePerUnit, bid.currency, lot.unit)} (total ${formatMoney(bid.total, bid.currency)})`;
  const titles: Record<BidNews, string> = {
    received: `New bid received on ${lotName}`,
    revised: `${producer} revised their bid on ${lotName}`,
    withdrawn: `${producer} withdrew their bid on ${lotName}`,
    expired: `${producer}'s bid on ${lotName} expired`,
  };
  const bodies: Record<BidNews, string> = {
    received: `${producer}: ${terms}.`,
    revised: `${producer} now offers ${terms}.`,
    withdrawn: `${producer} withdrew their bid of ${terms}.`,
    expired: `${producer}'s bid of ${terms} was valid until ${moment(row.validUntil)} and was not decided in time.`,
  };
  await notifyOrganization(tx, publicUrl, {
    organizationId: lot.organizationId,
    type: `bid.${news}`,
    title: titles[news],
    body: bodies[news],
    link: `/lots/${lot.id}`,
    facts: [
      ["Lot", lotName],
      ["Producer", `${producer} (${bid.bidder.name}, ${bid.bidder.email})`],
      ["Volume", formatQuantity(bid.volume, lot.unit)],
      ["Price", formatPrice(bid.pricePerUnit, bid.currency, lot.unit)],
      ["Total", formatMoney(bid.total, bid.currency)],
      ["Valid until", moment(row.validUntil)],
    ],
    emailByDefault: emailByDefault[news],
  });
  return bid;
}
