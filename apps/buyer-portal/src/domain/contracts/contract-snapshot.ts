import type { Contract } from "@lotbridge/contract/contract";
import { asc, eq } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { deliverySnapshot, toleranceOf } from "../deliveries/delivery-snapshot";
import { type ContractRow, contractSignatures, contractStatusChanges } from "./contract-table";

/**
 * A stored contract as the API and its events show it, with its signatures, status history and delivery (dispatches,
 * tickets, ledger): a fixed handful of queries whatever its size, since it runs in every contract transaction.
 */
export async function contractSnapshot(tx: BuyerTx, row: ContractRow): Promise<Contract> {
  const signatures = await tx
    .select()
    .from(contractSignatures)
    .where(eq(contractSignatures.contractId, row.id))
    .orderBy(asc(contractSignatures.signedAt), asc(contractSignatures.party));
  const history = await tx
    .select()
    .from(contractStatusChanges)
    .where(eq(contractStatusChanges.contractId, row.id))
    .orderBy(asc(contractStatusChanges.id));
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    buyer: { organizationId: row.buyerOrganizationId, name: row.buyerName },
    producer: {
      organizationId: row.producerOrganizationId,
      name: row.producerName,
      contactName: row.producerContactName,
      contactEmail: row.producerContactEmail,
    },
    lot: {
      id: row.lotId,
      number: row.lotNumber,
      title: row.lotTitle,
      commodity: row.commodity,
      qualitySpecs: row.qualitySpecs,
    },
    terms: {
      volume: row.volume,
      unit: row.unit as Contract["terms"]["unit"],
      pricePerUnit: row.pricePerUnit,
      currency: row.currency as Contract["terms"]["currency"],
      total: row.total,
      paymentTerms: row.paymentTerms,
      incoterm: row.incoterm as Contract["terms"]["incoterm"],
      deliveryLocation: row.deliveryLocation,
      deliveryStart: row.deliveryStart,
      deliveryEnd: row.deliveryEnd,
      tolerance: toleranceOf(row),
      qualityParameters: row.qualityParameters,
    },
    lotId: row.lotId,
    bidId: row.bidId,
    offerId: row.offerId,
    signatures: signatures.map((signature) => ({
      party: signature.party,
      signerName: signature.signerName,
      signerEmail: signature.signerEmail,
      signedAt: signature.signedAt.toISOString(),
      documentHash: signature.documentHash,
    })),
    statusHistory: history.map((change) => ({
      status: change.status,
      at: change.at.toISOString(),
      reason: change.reason,
    })),
    cancellationReason: row.cancellationReason,
    delivery: await deliverySnapshot(tx, row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
