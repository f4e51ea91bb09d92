import type { Party } from "@lotbridge/contract/offer";
import { DomainError, notFound } from "@lotbridge/contract/problem";
import { newId } from "@lotbridge/db/new-id";
import { and, desc, eq } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { type BidRow, liveBidStatuses, type OfferRow, offers } from "./bid-table";

/** New terms for the next round of a bid's thread. */
export interface RoundTerms {
  volume: string;
  pricePerUnit: string;
  deliveryTerms: string;
  message: string;
  expiresAt: Date;
}

const other = (party: Party): Party => (party === "buyer" ? "producer" : "buyer");

/**
 * The offer that awaits `party`'s answer, locked: the bid's one pending offer, made by the other party
 * (docs/contracts.md, "whose turn it is"). `offerId`, when given, must name it: an older round is superseded.
 */
export async function lockOfferAwaiting(
  tx: BuyerTx,
  bid: BidRow,
  party: Party,
  now: Date,
  offerId?: string,
): Promise<OfferRow> {
  if (!(liveBidStatuses as readonly string[]).includes(bid.status)) {
    throw new DomainError("bid-decided", 409, `Bid ${bid.id} is ${bid.status}; there is nothing left to answer.`);
  }
  const [pending] = await tx
    .select()
    .from(offers)
    .where(and(eq(offers.bidId, bid.id), eq(offers.status, "pending")))
    .for("update");
  if (offerId !== undefined && pending?.id !== offerId) {
    const [named] = await tx
      .select()
      .from(offers)
      .where(and(eq(offers.bidId, bid.id), eq(offers.id, offerId)));
    if (!named) throw notFound("Offer");
    throw new DomainError(
      "offer-not-pending",
      409,
      `Offer ${offerId} is ${named.status}; only the latest pending offer can be answered.`,
    );
  }
  if (!pending || pending.fromParty !== other(party)) {
    throw new DomainError(
      "awaiting-other-party",
      409,
      `Bid ${bid.id} waits for the ${other(party)}'s answer to the latest offer.`,
    );
  }
  if (pending.expiresAt <= now) {
    throw new DomainError(
      "offer-expired",
      409,
      `The latest offer on bid ${bid.id} expired at ${pending.expiresAt.toISOString()}; it can no longer be answered.`,
    );
  }
  return pending;
}

/** Supersedes the pending offer and adds `party`'s round with the new terms, last in the thread. */
export async function addRound(tx: BuyerTx, bid: BidRow, party: Party, terms: RoundTerms, now: Date) {
  const [last] = await tx
    .select({ round: offers.round })
    .from(offers)
    .where(eq(offers.bidId, bid.id))
    .orderBy(desc(offers.round))
    .limit(1);
  await tx
    .update(offers)
    .set({ status: "superseded" })
    .where(and(eq(offers.bidId, bid.id), eq(offers.status, "pending")));
  const [offer] = await tx
    .insert(offers)
    .values({
      id: newId("ofr"),
      bidId: bid.id,
      round: (last?.round ?? 0) + 1,
      fromParty: party,
      volume: terms.volume,
      pricePerUnit: terms.pricePerUnit,
      deliveryTerms: terms.deliveryTerms,
      message: terms.message,
      expiresAt: terms.expiresAt,
      createdAt: now,
    })
    .returning();
  return offer;
}
