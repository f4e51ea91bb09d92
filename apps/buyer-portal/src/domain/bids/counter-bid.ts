import type { Bid } from "@lotbridge/contract/bid";
import { requireAcceptableTerms } from "@lotbridge/contract/bid-terms";
import type { CounterOfferInput } from "@lotbridge/contract/counter-offer-input";
import type { Party } from "@lotbridge/contract/offer";
import { DomainError } from "@lotbridge/contract/problem";
import { formatDateTime } from "@lotbridge/format/format-date-time";
import { formatMoney } from "@lotbridge/format/format-money";
import { formatPrice } from "@lotbridge/format/format-price";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { notifyOrganization } from "@lotbridge/notifications/notify-organization";
import { eq, sql } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import type { LotRow } from "../lots/lot-table";
import { type BidRow, bids } from "./bid-table";
import { lockBuyerBid, lockProducerBid } from "./lock-bid";
import type { BidChange, ProducerCaller } from "./producer-caller";
import { publishBid } from "./publish-bid";
import { addRound, lockOfferAwaiting } from "./thread";

/** The buyer counters the producer's pending offer (`POST /api/bids/{id}/counter`); the bid becomes `countered`. */
export function counterBid(
  db: BuyerTx,
  organizationId: string,
  bidId: string,
  input: CounterOfferInput,
  change: BidChange,
): Promise<Bid> {
  return db.transaction(async (tx) => {
    const { lot, row } = await lockBuyerBid(tx, organizationId, bidId);
    return counter(tx, lot, row, "buyer", input, change);
  });
}

/** The producer counters the buyer's counter-offer back (`POST /api/bids/{id}/counter-offers`); the buyer is told. */
export function counterBack(
  db: BuyerTx,
  caller: ProducerCaller,
  bidId: string,
  input: CounterOfferInput,
  change: BidChange,
): Promise<Bid> {
  return db.transaction(async (tx) => {
    const { lot, row } = await lockProducerBid(tx, caller, bidId);
    const bid = await counter(tx, lot, row, "producer", input, change);
    const offer = bid.offers.at(-1);
    await notifyOrganization(tx, change.publicUrl, {
      organizationId: lot.organizationId,
      type: "counter.answered",
      title: `${bid.bidder.organizationName} countered your offer on ${lot.number} ${lot.title}`,
      body: offer
        ? `They propose ${formatQuantity(offer.volume, lot.unit)} at ${formatPrice(offer.pricePerUnit, bid.currency, lot.unit)} (total ${formatMoney(offer.total, bid.currency)}), open until ${formatDateTime(offer.expiresAt, "UTC")}.`
        : "",
      link: `/bids/${bid.id}`,
      emailByDefault: true,
    });
    return bid;
  });
}

/**
 * A new round from `party` against the other party's pending offer. Negotiation happens while the lot takes bids:
 * a lot that closed, was awarded or cancelled takes no counter-offers (accepting the last offer still works).
 */
async function counter(
  tx: BuyerTx,
  lot: LotRow,
  row: BidRow,
  party: Party,
  input: CounterOfferInput,
  { now = new Date() }: BidChange,
): Promise<Bid> {
  await lockOfferAwaiting(tx, row, party, now);
  if (lot.status !== "published" || lot.biddingDeadline <= now) {
    const why = lot.status === "published" ? "its bidding deadline has passed" : `it is ${lot.status}`;
    throw new DomainError("lot-not-open", 409, `${lot.number} takes no counter-offers: ${why}.`);
  }
  const expiresAt = new Date(input.expiresAt);
  requireAcceptableTerms(lot, { ...input, currency: row.currency, expiresAt }, now, "expiresAt");
  await addRound(
    tx,
    row,
    party,
    {
      volume: input.volume,
      pricePerUnit: input.pricePerUnit,
      deliveryTerms: input.deliveryTerms ?? "",
      message: input.message ?? "",
      expiresAt,
    },
    now,
  );
  const [countered] = await tx
    .update(bids)
    .set({ status: "countered", version: sql`${bids.version} + 1`, updatedAt: now })
    .where(eq(bids.id, row.id))
    .returning();
  return publishBid(tx, "bid.counter_offer", countered, lot.number, now);
}
