import type { Lot } from "@lotbridge/contract/lot";

/** A lot as the marketplace shows it: the buyer portal's snapshot, unchanged, and what is still open to bid for. */
export type MarketplaceLot = Lot & {
  /** volume − allocatedVolume, exact. */
  remainingVolume: string;
};
