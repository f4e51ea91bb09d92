import { type Bid, bidSource } from "@lotbridge/contract/bid";
import { lineTotal } from "@lotbridge/contract/decimal";
import { asc, eq } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { type BidRow, type OfferRow, offers } from "./bid-table";

/**
 * A stored bid as the API and its events show it, with its negotiation thread, oldest round first: read, unless the
 * caller has just written the whole of it (a new bid's first round) and passes it.
 */
export async function bidSnapshot(tx: BuyerTx, row: BidRow, lotNumber: string, known?: OfferRow[]): Promise<Bid> {
  const thread = known ?? (await tx.select().from(offers).where(eq(offers.bidId, row.id)).orderBy(asc(offers.round)));
  const currency = row.currency as Bid["currency"];
  return {
    id: row.id,
    lotId: row.lotId,
    lotNumber,
    status: row.status,
    source: bidSource,
    externalBidId: row.externalBidId,
    bidder: {
      organizationId: row.bidderOrganizationId,
      organizationName: row.bidderOrganizationName,
      name: row.bidderName,
      email: row.bidderEmail,
    },
    volume: row.volume,
    pricePerUnit: row.pricePerUnit,
    currency,
    total: lineTotal(row.volume, row.pricePerUnit),
    deliveryTerms: row.deliveryTerms,
    message: row.message,
    validUntil: row.validUntil.toISOString(),
    rejectionReason: row.rejectionReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    offers: thread.map((offer) => ({
      id: offer.id,
      round: offer.round,
      fromParty: offer.fromParty,
      volume: offer.volume,
      pricePerUnit: offer.pricePerUnit,
      currency,
      total: lineTotal(offer.volume, offer.pricePerUnit),
      deliveryTerms: offer.deliveryTerms,
      message: offer.message,
      expiresAt: offer.expiresAt.toISOString(),
      status: offer.status,
      createdAt: offer.createdAt.toISOString(),
    })),
  };
}
