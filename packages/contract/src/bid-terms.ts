import { compareDecimals, subtractDecimals, totalFits, totalTooLarge } from "./decimal";
import { DomainError } from "./problem";

/** What a lot says about the bids it takes, as either portal holds it. */
export interface LotBidRules {
  number: string;
  currency: string;
  unit: string;
  volume: string;
  allocatedVolume: string;
  minBidVolume: string;
  partialBidsAllowed: boolean;
}

/** The terms of a bid, a revision or a counter-offer; `expiresAt` is the bid's `validUntil` or the offer's expiry. */
export interface OfferedTerms {
  volume: string;
  pricePerUnit: string;
  currency: string;
  expiresAt: Date | string;
}

/** A bid names its expiry `validUntil`, a counter-offer `expiresAt`; the refusal names the field the caller sent. */
export type ExpiryField = "validUntil" | "expiresAt";

const expiryCodes: Record<ExpiryField, string> = {
  validUntil: "valid-until-passed",
  expiresAt: "expires-at-passed",
};

const refuse = (code: string, field: string, message: string, sentence: string) =>
  new DomainError(code, 422, sentence, [{ field, message }]);

/**
 * The rules a bid's terms must meet against a lot (docs/bids.md, "Rules"): the producer portal checks them on its
 * replica so most mistakes are explained at once, the buyer portal again on the lot as it is when the call arrives.
 * The total is checked here as well as in the schemas because a revision may change only one of volume and price.
 */
export function requireAcceptableTerms(
  lot: LotBidRules,
  terms: OfferedTerms,
  now: Date,
  expiryField: ExpiryField = "validUntil",
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
  requireStorableTotal(terms);
  if (new Date(terms.expiresAt) <= now) {
    throw refuse(
      expiryCodes[expiryField],
      expiryField,
      "must be in the future",
      `The ${expiryField} given has already passed; give a moment in the future.`,
    );
  }
}

/** Volume × price must fit a contract's total (limits.ts, TOTAL); else 422 `total-too-large` on `pricePerUnit`. */
export function requireStorableTotal(terms: { volume: string; pricePerUnit: string }, status = 422): void {
  if (totalFits(terms.volume, terms.pricePerUnit)) return;
  throw new DomainError(
    "total-too-large",
    status,
    `${terms.volume} × ${terms.pricePerUnit} is more than a contract's total can hold; lower the volume or the price.`,
    [{ field: "pricePerUnit", message: totalTooLarge() }],
  );
}
