import type { LotInput } from "@lotbridge/contract/lot";

const DAY = 86_400_000;

/** A valid lot for the benches to create through the buyer's API: 1,000 t of wheat, bidding open for six days. */
export function lotInput(title: string, overrides: Partial<LotInput> = {}): LotInput {
  return {
    title,
    commodity: "Wheat",
    description: "",
    qualitySpecs: "",
    volume: "1000",
    unit: "t",
    minBidVolume: "1",
    partialBidsAllowed: true,
    targetPrice: null,
    currency: "EUR",
    deliveryLocation: "Northfield Mill, Hamburg",
    incoterm: "DAP",
    deliveryStart: "2027-10-01",
    deliveryEnd: "2027-10-31",
    biddingDeadline: new Date(Date.now() + 6 * DAY).toISOString(),
    paymentTerms: "30 days after delivery",
    ...overrides,
  };
}
