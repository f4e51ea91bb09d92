import { type DeliveryTerms, defaultDeliveryTerms } from "@lotbridge/contract/delivery-terms";
import type { LotInput } from "@lotbridge/contract/lot";

/**
 * The lot columns of the delivery terms a LotInput sets. A new lot that leaves them out gets its commodity's usual
 * terms; an edit that leaves one out keeps what the lot has (an empty object: nothing to set).
 */
export function deliveryTermValues(
  input: Pick<LotInput, "commodity" | "tolerance" | "qualityParameters">,
  creating: boolean,
) {
  const defaults: Partial<DeliveryTerms> = creating ? defaultDeliveryTerms(input.commodity) : {};
  const tolerance = input.tolerance ?? defaults.tolerance;
  const qualityParameters = input.qualityParameters ?? defaults.qualityParameters;
  return {
    ...(tolerance && {
      tolerancePercent: tolerance.percent,
      toleranceOption: tolerance.option,
      toleranceBeyond: tolerance.beyond,
    }),
    ...(qualityParameters && { qualityParameters }),
  };
}
