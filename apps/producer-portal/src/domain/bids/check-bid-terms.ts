import { compareDecimals, subtractDecimals } from "@lotbridge/contract/decimal";
import type { Lot } from "@lotbridge/contract/lot";
import { DomainError } from "@lotbridge/contract/problem";
import type { Database } from "@lotbridge/webhooks/database";
import { eq } from "drizzle-orm";
import { marketLots } from "../marketplace/market-lot-table";

/** The terms of a bid or of a revision, as this portal checks them before sending them to the buyer portal. */
export interface BidTerms {
  volume: string;
  pricePerUnit: string;
  currency: string;
  validUntil: string | Date;
}

export interface OpenLot {
  id: string;
  number: string;
  snapshot: Lot;
}

const refuse = (status: number, code: string, field: string, message: string, sentence: string) =>
  new DomainError(code, status, sentence, [{ field, message }]);

/** The lot from this portal's replica, if producers may bid on it now; else a problem naming `lotId`. */
export async function findOpenLot(tx: Database, lotId: string, now: Date): Promise<OpenLot> {
  const [lot] = await tx.select().from(marketLots).where(eq(marketLots.id, lotId));
  const snapshot = lot?.snapshot;
  if (!lot || !snapshot || lot.status === "draft" || lot.status === "deleted") {
    throw refuse(404, "lot-not-found", "lotId", "no such lot", "That lot was not found in the marketplace.");
  }
  if (lot.status !== "published" || new Date(snapshot.biddingDeadline) <= now) {
    throw refuse(409, "lot-not-open", "lotId", "is not open for bids", `${lot.number} is not open for bids.`);
  }
  return { id: lot.id, number: lot.number, snapshot };
}

/**
 * The lot's rules for a bid, checked against the replica so most mistakes are explained at once; the buyer portal
 * checks them again against the lot as it is when the call arrives. A counter-offer meets the same rules; its
 * moment is called `expiresAt`, so the field error names that.
 */
export function checkBidTerms(
  { number, snapshot }: OpenLot,
  terms: BidTerms,
  now: Date,
  expiryField: "validUntil" | "expiresAt" = "validUntil",
): void {
  if (terms.currency !== snapshot.currency) {
    throw refuse(
      422,
      "currency-mismatch",
      "currency",
      `must be ${snapshot.currency}, the lot's currency`,
      `${number} is priced in ${snapshot.currency}; bid in ${snapshot.currency}.`,
    );
  }
  const remaining = subtractDecimals(snapshot.volume, snapshot.allocatedVolume);
  const wholeRemainder = compareDecimals(terms.volume, remaining) === 0;
  if (compareDecimals(terms.volume, remaining) > 0) {
    throw refuse(
      422,
      "volume-exceeds-remaining",
      "volume",
      `must be at most ${remaining} ${snapshot.unit}, the volume still open`,
      `${number} has ${remaining} ${snapshot.unit} still open; bid at most that.`,
    );
  }
  if (!snapshot.partialBidsAllowed && !wholeRemainder) {
    throw refuse(
      422,
      "partial-bids-not-allowed",
      "volume",
      `must be the whole ${remaining} ${snapshot.unit}: this lot takes no partial bids`,
      `${number} takes no partial bids; bid for the whole ${remaining} ${snapshot.unit}.`,
    );
  }
  if (compareDecimals(terms.volume, snapshot.minBidVolume) < 0 && !wholeRemainder) {
    throw refuse(
      422,
      "volume-below-minimum",
      "volume",
      `must be at least ${snapshot.minBidVolume} ${snapshot.unit}, the lot's minimum bid`,
      `${number} takes bids of at least ${snapshot.minBidVolume} ${snapshot.unit}.`,
    );
  }
  if (new Date(terms.validUntil) <= now) {
    const code = expiryField === "validUntil" ? "valid-until-passed" : "expires-at-passed";
    throw refuse(422, code, expiryField, "must be in the future", "Give a moment in the future.");
  }
}
