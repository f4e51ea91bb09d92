import { describe, expect, it } from "vitest";
import { type OfferedTerms, requireAcceptableTerms, requireStorableTotal } from "./bid-terms";
import { largest, PRICE, VOLUME } from "./limits";
import { DomainError } from "./problem";

const now = new Date("2027-08-01T12:00:00Z");
const lot = {
  number: "LOT-2027-000001",
  currency: "EUR",
  unit: "t",
  volume: "500",
  allocatedVolume: "380",
  minBidVolume: "50",
  partialBidsAllowed: true,
};
const offer = (change: Partial<OfferedTerms> = {}): OfferedTerms => ({
  volume: "100",
  pricePerUnit: "245.50",
  currency: "EUR",
  expiresAt: "2027-08-10T12:00:00Z",
  ...change,
});

/** The refusal as [status, code, field], or "accepted". */
function outcome(check: () => void) {
  try {
    check();
    return "accepted";
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return [error.status, error.code, error.errors?.map((e) => e.field).join()];
  }
}

describe("the bid terms both portals check", () => {
  it("accepts terms within what is open, at or above the minimum, in the lot's currency, in the future", () => {
    expect(outcome(() => requireAcceptableTerms(lot, offer(), now))).toBe("accepted");
    // The whole remainder is fine even below the minimum.
    const almostAwarded = { ...lot, allocatedVolume: "480" };
    expect(outcome(() => requireAcceptableTerms(almostAwarded, offer({ volume: "20.000" }), now))).toBe("accepted");
  });

  it("refuses each rule with one code and the field to fix", () => {
    const refusals = [
      [lot, offer({ currency: "USD" }), [422, "currency-mismatch", "currency"]],
      [lot, offer({ volume: "120.001" }), [422, "volume-exceeds-remaining", "volume"]],
      [{ ...lot, partialBidsAllowed: false }, offer(), [422, "partial-bids-not-allowed", "volume"]],
      [lot, offer({ volume: "49.999" }), [422, "volume-below-minimum", "volume"]],
      [lot, offer({ expiresAt: now }), [422, "valid-until-passed", "validUntil"]],
    ] as const;
    for (const [rules, terms, refusal] of refusals) {
      expect(outcome(() => requireAcceptableTerms(rules, terms, now))).toEqual(refusal);
    }
  });

  it("names the counter-offer's expiry expiresAt, with the code expires-at-passed", () => {
    const passed = offer({ expiresAt: new Date(now.getTime() - 1) });
    expect(outcome(() => requireAcceptableTerms(lot, passed, now, "expiresAt"))).toEqual([
      422,
      "expires-at-passed",
      "expiresAt",
    ]);
  });

  it("refuses terms whose total a contract could not hold, naming pricePerUnit, e.g. a revision of the price alone", () => {
    const huge = { ...lot, volume: largest(VOLUME), allocatedVolume: "0", minBidVolume: "0.001" };
    const terms = offer({ volume: "10000000.001", pricePerUnit: largest(PRICE) });
    expect(outcome(() => requireAcceptableTerms(huge, terms, now))).toEqual([422, "total-too-large", "pricePerUnit"]);
    expect(outcome(() => requireAcceptableTerms(huge, { ...terms, volume: "10000000" }, now))).toBe("accepted");
    expect(outcome(() => requireStorableTotal(terms, 409))).toEqual([409, "total-too-large", "pricePerUnit"]);
  });
});
