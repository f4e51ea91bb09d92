import type { Lot } from "@lotbridge/contract/lot";
import type { LotRow } from "./lot-table";

/** The API's view of a stored lot. */
export function lotView(row: LotRow, buyerOrganizationName: string): Lot {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    buyerOrganization: { id: row.organizationId, name: buyerOrganizationName },
    title: row.title,
    commodity: row.commodity,
    description: row.description,
    qualitySpecs: row.qualitySpecs,
    volume: row.volume,
    unit: row.unit as Lot["unit"],
    minBidVolume: row.minBidVolume,
    partialBidsAllowed: row.partialBidsAllowed,
    targetPrice: row.targetPrice,
    currency: row.currency as Lot["currency"],
    deliveryLocation: row.deliveryLocation,
    incoterm: row.incoterm as Lot["incoterm"],
    deliveryStart: row.deliveryStart,
    deliveryEnd: row.deliveryEnd,
    biddingDeadline: row.biddingDeadline.toISOString(),
    paymentTerms: row.paymentTerms,
    // The percent as stored (numeric(4,2): "5.00"); the contract copies the column, so both answer it alike.
    tolerance: { percent: row.tolerancePercent, option: row.toleranceOption, beyond: row.toleranceBeyond },
    qualityParameters: row.qualityParameters,
    allocatedVolume: row.allocatedVolume,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
