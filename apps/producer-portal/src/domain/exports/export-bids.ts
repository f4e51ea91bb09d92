import { writeCsv } from "@lotbridge/format/write-csv";
import { desc, eq } from "drizzle-orm";
import type { ProducerTx } from "../../db/database";
import { producerBids } from "../bids/producer-bid-table";

const HEADER = [
  "lot_number",
  "lot_title",
  "state",
  "volume",
  "unit",
  "price_per_unit",
  "currency",
  "delivery_terms",
  "valid_until",
  "message",
  "latest_offer_from",
  "latest_offer_volume",
  "latest_offer_price_per_unit",
  "latest_offer_status",
  "rejection_reason",
  "refusal_reason",
  "created_at",
  "updated_at",
] as const;

/**
 * Every bid of the producer organization as CSV, newest first, whoever of it placed the bid: what was bid (exact
 * decimals as stored), its state, and the latest round of its negotiation. Only the organization's own.
 */
export async function exportBids(
  db: ProducerTx,
  organizationId: string,
  now = new Date(),
): Promise<{ filename: string; csv: string }> {
  const rows = await db
    .select()
    .from(producerBids)
    .where(eq(producerBids.organizationId, organizationId))
    .orderBy(desc(producerBids.createdAt), desc(producerBids.id));
  const csv = writeCsv(
    HEADER,
    rows.map((bid) => {
      const latest = bid.offers.at(-1);
      return [
        bid.lotNumber,
        bid.lotTitle,
        bid.state,
        bid.volume,
        bid.unit,
        bid.pricePerUnit,
        bid.currency,
        bid.deliveryTerms,
        bid.validUntil,
        bid.message,
        latest?.fromParty,
        latest?.volume,
        latest?.pricePerUnit,
        latest?.status,
        bid.rejectionReason,
        bid.refusalReason,
        bid.createdAt,
        bid.updatedAt,
      ];
    }),
  );
  return { filename: `bids-${now.toISOString().slice(0, 10)}.csv`, csv };
}
