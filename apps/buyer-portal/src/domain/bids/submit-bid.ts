import type { Bid } from "@lotbridge/contract/bid";
import type { BidSubmission } from "@lotbridge/contract/bid-submission";
import { requireAcceptableTerms } from "@lotbridge/contract/bid-terms";
import { DomainError } from "@lotbridge/contract/problem";
import { newId } from "@lotbridge/db/new-id";
import { and, eq, inArray } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { announceBid } from "./announce-bid";
import { atomically } from "./atomically";
import { bids, liveBidStatuses, offers } from "./bid-table";
import { lockBiddableLot } from "./lock-biddable-lot";
import type { BidChange } from "./producer-caller";

/**
 * Stores a producer's bid on a published lot as round 1 of its thread, sends `bid.received` and tells the buyer.
 * The producer organization is the bidder's; it holds at most one live bid per lot (revise that one instead).
 */
export async function submitBid(
  db: BuyerTx,
  caller: { apiKeyId: string; platform: string },
  input: BidSubmission,
  { publicUrl, now = new Date() }: BidChange,
) {
  return atomically(db, async (tx): Promise<Bid> => {
    const lot = await lockBiddableLot(tx, input.lotId, now);
    // Both refusals from one round trip: the organization's live bid on this lot, and a bid under the same external
    // id. Two selects joined by UNION ALL, not one with OR, so that each is an index lookup (an OR under the common
    // platform condition reads every bid of the platform).
    const columns = {
      id: bids.id,
      lotId: bids.lotId,
      organizationId: bids.bidderOrganizationId,
      status: bids.status,
      externalBidId: bids.externalBidId,
    };
    const clashes = await tx
      .select(columns)
      .from(bids)
      .where(
        and(
          eq(bids.lotId, lot.id),
          eq(bids.producerPlatform, caller.platform),
          eq(bids.bidderOrganizationId, input.bidder.organizationId),
          inArray(bids.status, [...liveBidStatuses]),
        ),
      )
      .unionAll(
        tx
          .select(columns)
          .from(bids)
          .where(and(eq(bids.producerPlatform, caller.platform), eq(bids.externalBidId, input.externalBidId))),
      );
    const live = clashes.find(
      (bid) =>
        bid.lotId === lot.id &&
        bid.organizationId === input.bidder.organizationId &&
        (liveBidStatuses as readonly string[]).includes(bid.status),
    );
    if (live) {
      throw new DomainError(
        "live-bid-exists",
        409,
        `${input.bidder.organizationName} already has a live bid (${live.id}) on ${lot.number}; revise or withdraw it instead of bidding again.`,
        [{ field: "bidder.organizationId", message: `already holds the live bid ${live.id} on this lot` }],
      );
    }
    const sameExternal = clashes.find((bid) => bid.externalBidId === input.externalBidId);
    if (sameExternal) {
      throw new DomainError(
        "external-bid-id-taken",
        409,
        `A bid with externalBidId ${input.externalBidId} was already received (${sameExternal.id}); send a new bid under a new id.`,
        [{ field: "externalBidId", message: `was already used for ${sameExternal.id}` }],
      );
    }
    const validUntil = new Date(input.validUntil);
    requireAcceptableTerms(lot, { ...input, expiresAt: validUntil }, now);
    const [row] = await tx
      .insert(bids)
      .values({
        id: newId("bid"),
        lotId: lot.id,
        externalBidId: input.externalBidId,
        producerPlatform: caller.platform,
        bidderOrganizationId: input.bidder.organizationId,
        bidderOrganizationName: input.bidder.organizationName,
        bidderName: input.bidder.name,
        bidderEmail: input.bidder.email,
        volume: input.volume,
        pricePerUnit: input.pricePerUnit,
        currency: input.currency,
        deliveryTerms: input.deliveryTerms,
        message: input.message,
        validUntil,
        apiKeyId: caller.apiKeyId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const firstRound = await tx
      .insert(offers)
      .values({
        id: newId("ofr"),
        bidId: row.id,
        round: 1,
        fromParty: "producer",
        volume: input.volume,
        pricePerUnit: input.pricePerUnit,
        deliveryTerms: input.deliveryTerms,
        message: input.message,
        expiresAt: validUntil,
        createdAt: now,
      })
      .returning();
    return announceBid(tx, { publicUrl, now }, lot, row, "received", firstRound);
  });
}
