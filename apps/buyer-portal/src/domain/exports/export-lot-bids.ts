import { lineTotal } from "@lotbridge/contract/decimal";
import { writeCsv } from "@lotbridge/format/write-csv";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { BuyerDb } from "../../db/database";
import { bids, offers } from "../bids/bid-table";
import { lots } from "../lots/lot-table";

const HEADER = [
  "bid_id",
  "lot_number",
  "status",
  "producer_organization",
  "bidder_name",
  "bidder_email",
  "volume",
  "unit",
  "price_per_unit",
  "currency",
  "total",
  "delivery_terms",
  "message",
  "valid_until",
  "rejection_reason",
  "latest_offer_round",
  "latest_offer_from",
  "latest_offer_status",
  "latest_offer_volume",
  "latest_offer_price_per_unit",
  "latest_offer_expires_at",
  "created_at",
  "updated_at",
] as const;

/**
 * Every bid on one of the organization's lots as CSV, oldest first, with the latest round of its negotiation: one
 * query (the latest offer through a lateral join on the thread's (bid, round) index). Undefined when the lot is not
 * the organization's: for a buyer another organization's lot does not exist.
 */
export async function exportLotBids(
  db: BuyerDb,
  organizationId: string,
  lotId: string,
): Promise<{ filename: string; csv: string } | undefined> {
  const latest = db
    .select({
      round: offers.round,
      fromParty: offers.fromParty,
      status: offers.status,
      volume: offers.volume,
      pricePerUnit: offers.pricePerUnit,
      expiresAt: offers.expiresAt,
    })
    .from(offers)
    .where(eq(offers.bidId, bids.id))
    .orderBy(desc(offers.round))
    .limit(1)
    .as("latest_offer");
  const [lot] = await db
    .select({ id: lots.id, number: lots.number, unit: lots.unit })
    .from(lots)
    .where(and(eq(lots.id, lotId), eq(lots.organizationId, organizationId)));
  if (!lot) return undefined;
  const rows = await db
    .select({
      bid: bids,
      offerRound: latest.round,
      offerFrom: latest.fromParty,
      offerStatus: latest.status,
      offerVolume: latest.volume,
      offerPrice: latest.pricePerUnit,
      offerExpiresAt: latest.expiresAt,
    })
    .from(bids)
    .leftJoinLateral(latest, sql`true`)
    .where(eq(bids.lotId, lot.id))
    .orderBy(asc(bids.createdAt), asc(bids.id));
  const csv = writeCsv(
    HEADER,
    rows.map(({ bid, ...offer }) => [
      bid.id,
      lot.number,
      bid.status,
      bid.bidderOrganizationName,
      bid.bidderName,
      bid.bidderEmail,
      bid.volume,
      lot.unit,
      bid.pricePerUnit,
      bid.currency,
      lineTotal(bid.volume, bid.pricePerUnit),
      bid.deliveryTerms,
      bid.message,
      bid.validUntil,
      bid.rejectionReason,
      offer.offerRound,
      offer.offerFrom,
      offer.offerStatus,
      offer.offerVolume,
      offer.offerPrice,
      offer.offerExpiresAt,
      bid.createdAt,
      bid.updatedAt,
    ]),
  );
  return { filename: `${lot.number}-bids.csv`, csv };
}
