import type { Contract } from "@lotbridge/contract/contract";
import { lineTotal } from "@lotbridge/contract/decimal";
import { newId } from "@lotbridge/db/new-id";
import { sql } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { publishEvent } from "../../integration/publish-event";
import type { BidRow, OfferRow } from "../bids/bid-table";
import type { LotRow } from "../lots/lot-table";
import { contractSnapshot } from "./contract-snapshot";
import { contractStatusChanges, contracts } from "./contract-table";

/**
 * Creates the contract for an accepted offer, inside the acceptance's transaction, and sends `contract.created`.
 * Parties, lot and terms (with the lot's delivery tolerance and quality parameters) are copied now; the total is volume × price, rounded half-up to cents, in decimal.
 */
export async function createContract(
  tx: BuyerTx,
  { lot, buyerName, bid, offer, now }: { lot: LotRow; buyerName: string; bid: BidRow; offer: OfferRow; now: Date },
): Promise<Contract> {
  const [row] = await tx
    .insert(contracts)
    .values({
      id: newId("ct"),
      // At least six digits; past 999999 the number grows rather than being cut (plain lpad would cut it).
      number: sql`${`CT-${now.getUTCFullYear()}-`} || (select lpad(n::text, greatest(6, length(n::text)), '0') from nextval('contract_number_seq') as n)`,
      buyerOrganizationId: lot.organizationId,
      buyerName,
      producerPlatform: bid.producerPlatform,
      producerOrganizationId: bid.bidderOrganizationId,
      producerName: bid.bidderOrganizationName,
      producerContactName: bid.bidderName,
      producerContactEmail: bid.bidderEmail,
      lotId: lot.id,
      lotNumber: lot.number,
      lotTitle: lot.title,
      commodity: lot.commodity,
      qualitySpecs: lot.qualitySpecs,
      volume: offer.volume,
      unit: lot.unit,
      pricePerUnit: offer.pricePerUnit,
      currency: bid.currency,
      total: lineTotal(offer.volume, offer.pricePerUnit),
      paymentTerms: lot.paymentTerms,
      incoterm: lot.incoterm,
      deliveryLocation: lot.deliveryLocation,
      deliveryStart: lot.deliveryStart,
      deliveryEnd: lot.deliveryEnd,
      tolerancePercent: lot.tolerancePercent,
      toleranceOption: lot.toleranceOption,
      toleranceBeyond: lot.toleranceBeyond,
      qualityParameters: lot.qualityParameters,
      bidId: bid.id,
      offerId: offer.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await tx.insert(contractStatusChanges).values({ contractId: row.id, status: row.status, at: now, reason: null });
  const contract = await contractSnapshot(tx, row);
  await publishEvent(tx, "contract.created", contract, now);
  return contract;
}
