import { writeCsv } from "@lotbridge/format/write-csv";
import { desc, eq } from "drizzle-orm";
import type { ProducerTx } from "../../db/database";
import { producerContracts } from "../contracts/producer-contract-table";

const HEADER = [
  "contract_number",
  "status",
  "lot_number",
  "lot_title",
  "commodity",
  "buyer",
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
  "producer_signer",
  "cancellation_reason",
  "created_at",
  "updated_at",
] as const;

/**
 * Every contract of the producer organization as CSV, newest first: the terms of the newest snapshot the buyer portal
 * sent, exact decimals as agreed, times in UTC ISO-8601. Only the organization's own.
 */
export async function exportContracts(
  db: ProducerTx,
  organizationId: string,
  now = new Date(),
): Promise<{ filename: string; csv: string }> {
  const rows = await db
    .select({ snapshot: producerContracts.snapshot })
    .from(producerContracts)
    .where(eq(producerContracts.organizationId, organizationId))
    .orderBy(desc(producerContracts.createdAt), desc(producerContracts.id));
  const csv = writeCsv(
    HEADER,
    rows.map(({ snapshot: c }) => {
      const signed = (party: "buyer" | "producer") => c.signatures.find((s) => s.party === party);
      return [
        c.number,
        c.status,
        c.lot.number,
        c.lot.title,
        c.lot.commodity,
        c.buyer.name,
        c.terms.volume,
        c.terms.unit,
        c.terms.pricePerUnit,
        c.terms.currency,
        c.terms.total,
        c.terms.incoterm,
        c.terms.deliveryLocation,
        c.terms.deliveryStart,
        c.terms.deliveryEnd,
        c.terms.paymentTerms,
        signed("buyer")?.signedAt,
        signed("producer")?.signedAt,
        signed("producer")?.signerName,
        c.cancellationReason,
        c.createdAt,
        c.updatedAt,
      ];
    }),
  );
  return { filename: `contracts-${now.toISOString().slice(0, 10)}.csv`, csv };
}
