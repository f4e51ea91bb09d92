import { writeCsv } from "@lotbridge/format/write-csv";
import { and, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { BuyerDb } from "../../db/database";
import { contractSignatures, contracts } from "../contracts/contract-table";

const HEADER = [
  "contract_number",
  "status",
  "lot_number",
  "lot_title",
  "commodity",
  "producer",
  "producer_contact_name",
  "producer_contact_email",
  "volume",
  "unit",
  "price_per_unit",
  "currency",
  "total",
  "incoterm",
  "delivery_location",
  "delivery_start",
  "delivery_end",
  "payment_terms",
  "buyer_signed_at",
  "producer_signed_at",
  "cancellation_reason",
  "created_at",
  "updated_at",
] as const;

/**
 * Every contract of the buyer organization as CSV, newest first, with when each party signed: one query. Terms are
 * the contract's own snapshot, exact decimals as stored.
 */
export async function exportContracts(
  db: BuyerDb,
  organizationId: string,
  now = new Date(),
): Promise<{ filename: string; csv: string }> {
  const buyerSigned = alias(contractSignatures, "buyer_signed");
  const producerSigned = alias(contractSignatures, "producer_signed");
  const rows = await db
    .select({ contract: contracts, buyerSignedAt: buyerSigned.signedAt, producerSignedAt: producerSigned.signedAt })
    .from(contracts)
    .leftJoin(buyerSigned, and(eq(buyerSigned.contractId, contracts.id), eq(buyerSigned.party, "buyer")))
    .leftJoin(producerSigned, and(eq(producerSigned.contractId, contracts.id), eq(producerSigned.party, "producer")))
    .where(eq(contracts.buyerOrganizationId, organizationId))
    .orderBy(desc(contracts.createdAt), desc(contracts.id));
  const csv = writeCsv(
    HEADER,
    rows.map(({ contract: c, buyerSignedAt, producerSignedAt }) => [
      c.number,
      c.status,
      c.lotNumber,
      c.lotTitle,
      c.commodity,
      c.producerName,
      c.producerContactName,
      c.producerContactEmail,
      c.volume,
      c.unit,
      c.pricePerUnit,
      c.currency,
      c.total,
      c.incoterm,
      c.deliveryLocation,
      c.deliveryStart,
      c.deliveryEnd,
      c.paymentTerms,
      buyerSignedAt,
      producerSignedAt,
      c.cancellationReason,
      c.createdAt,
      c.updatedAt,
    ]),
  );
  return { filename: `contracts-${now.toISOString().slice(0, 10)}.csv`, csv };
}
