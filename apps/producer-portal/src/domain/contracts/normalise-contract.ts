import type { Contract } from "@lotbridge/contract/contract";
import { computeLedger } from "@lotbridge/contract/delivery-ledger";
import { noDeliveryTerms } from "@lotbridge/contract/delivery-terms";

/** A contract snapshot as it may be stored: those kept before deliveries existed lack the delivery terms and section. */
export type StoredContract = Omit<Contract, "terms" | "delivery"> & {
  terms: Omit<Contract["terms"], "tolerance" | "qualityParameters"> &
    Partial<Pick<Contract["terms"], "tolerance" | "qualityParameters">>;
  delivery?: Contract["delivery"];
};

/**
 * A stored snapshot as today's code reads it. One kept before deliveries existed reads as the buyer portal now
 * describes such a contract (docs/deliveries.md): ±0 %, no quality parameters, and nothing delivered yet. A current
 * snapshot comes back as it is (the same object).
 */
export function normaliseContract(stored: StoredContract): Contract {
  const { terms, delivery } = stored;
  if (terms.tolerance && terms.qualityParameters && delivery) return stored as Contract;
  const completeTerms: Contract["terms"] = {
    ...terms,
    tolerance: terms.tolerance ?? noDeliveryTerms.tolerance,
    qualityParameters: terms.qualityParameters ?? [],
  };
  return {
    ...stored,
    terms: completeTerms,
    delivery: delivery ?? {
      dispatches: [],
      tickets: [],
      ledger: computeLedger(completeTerms, []),
      entries: [],
      overdueSince: null,
      settlement: null,
    },
  };
}
