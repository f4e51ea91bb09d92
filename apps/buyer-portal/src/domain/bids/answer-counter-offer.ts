import type { Bid } from "@lotbridge/contract/bid";
import { notifyOrganization } from "@lotbridge/notifications/notify-organization";
import { eq, sql } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { acceptOffer } from "./accept-offer";
import { bids, offers } from "./bid-table";
import { lockProducerBid } from "./lock-bid";
import type { BidChange, ProducerCaller } from "./producer-caller";
import { publishBid } from "./publish-bid";
import { lockOfferAwaiting } from "./thread";

/**
 * The producer accepts the buyer's pending counter-offer: the same one-transaction acceptance as the buyer's, on the
 * counter-offer's terms, with `bid.counter_accepted` and `contract.created`.
 */
export function acceptCounterOffer(
  db: BuyerTx,
  caller: ProducerCaller,
  bidId: string,
  offerId: string,
  { publicUrl, now = new Date() }: BidChange,
): Promise<Bid> {
  return db.transaction(async (tx) => {
    const { lot, row } = await lockProducerBid(tx, caller, bidId);
    const offer = await lockOfferAwaiting(tx, row, "producer", now, offerId);
    return (await acceptOffer(tx, { publicUrl, now }, { lot, bid: row, offer, by: "producer" })).bid;
  });
}

/**
 * The producer rejects the buyer's pending counter-offer, which ends the negotiation: the bid is `rejected`
 * (docs/contracts.md, "Assumptions"), `bid.counter_rejected` is sent and the buyer organization told.
 */
export function rejectCounterOffer(
  db: BuyerTx,
  caller: ProducerCaller,
  bidId: string,
  offerId: string,
  reason: string | undefined,
  { publicUrl, now = new Date() }: BidChange,
): Promise<Bid> {
  return db.transaction(async (tx) => {
    const { lot, row } = await lockProducerBid(tx, caller, bidId);
    const offer = await lockOfferAwaiting(tx, row, "producer", now, offerId);
    const producer = row.bidderOrganizationName;
    const why = reason
      ? `${producer} rejected the counter-offer: ${reason}`
      : `${producer} rejected the counter-offer.`;
    await tx.update(offers).set({ status: "rejected" }).where(eq(offers.id, offer.id));
    const [rejected] = await tx
      .update(bids)
      .set({ status: "rejected", rejectionReason: why, version: sql`${bids.version} + 1`, updatedAt: now })
      .where(eq(bids.id, row.id))
      .returning();
    const bid = await publishBid(tx, "bid.counter_rejected", rejected, lot.number, now);
    await notifyOrganization(tx, publicUrl, {
      organizationId: lot.organizationId,
      type: "counter.answered",
      title: `${producer} rejected your counter-offer on ${lot.number} ${lot.title}`,
      body: reason ? `Their reason: ${reason}` : "They gave no reason.",
      link: `/bids/${bid.id}`,
      emailByDefault: true,
    });
    return bid;
  });
}
