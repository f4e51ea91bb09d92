import { compareDecimals, subtractDecimals } from "@lotbridge/contract/decimal";
import { DomainError } from "@lotbridge/contract/problem";
import type { LotRow } from "../lots/lot-table";

export interface BidTerms {
  volume: string;
  currency: string;
  validUntil: Date;
}

const refuse = (code: string, field: string, message: string, sentence: string) =>
  new DomainError(code, 422, sentence, [{ field, message }]);

/**
 * The rules a bid's terms must meet against the lot as it is now (docs/bids.md, "Rules"); a counter-offer's too, whose
 * expiry is called `expiresAt`.
 */
export function requireAcceptableTerms(
  lot: LotRow,
  terms: BidTerms,
  now: Date,
  expiryField: "validUntil" | "expiresAt" = "validUntil",
): void {
  if (terms.currency !== lot.currency) {
    throw refuse(
      "currency-mismatch",
      "currency",
      `must be ${lot.currency}, the lot's currency`,
      `${lot.number} is priced in ${lot.currency}; bid in ${lot.currency}, not ${terms.currency}.`,
    );
  }
  const remaining = subtractDecimals(lot.volume, lot.allocatedVolume);
  const wholeRemainder = compareDecimals(terms.volume, remaining) === 0;
  if (compareDecimals(terms.volume, remaining) > 0) {
    throw refuse(
      "volume-exceeds-remaining",
      "volume",
      `must be at most ${remaining} ${lot.unit}, the volume still open`,
      `${lot.number} has ${remaining} ${lot.unit} still open; bid at most that.`,
    );
  }
  if (!lot.partialBidsAllowed && !wholeRemainder) {
    throw refuse(
      "partial-bids-not-allowed",
      "volume",
      `must be the whole ${remaining} ${lot.unit}: this lot takes no partial bids`,
      `${lot.number} takes no partial bids; bid for the whole ${remaining} ${lot.unit}.`,
    );
  }
  if (compareDecimals(terms.volume, lot.minBidVolume) < 0 && !wholeRemainder) {
    throw refuse(
      "volume-below-minimum",
      "volume",
      `must be at least ${lot.minBidVolume} ${lot.unit}, the lot's minimum bid`,
      `${lot.number} takes bids of at least ${lot.minBidVolume} ${lot.unit} (or the whole ${remaining} ${lot.unit} still open).`,
    );
  }
  if (terms.validUntil <= now) {
    throw refuse(
      expiryField === "validUntil" ? "valid-until-passed" : "expiry-passed",
      expiryField,
      "must be in the future",
      `The ${expiryField} given has already passed; give a moment in the future.`,
    );
  }
}
