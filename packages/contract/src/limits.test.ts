import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bidRevisionSchema } from "./bid-revision";
import { bidSubmissionSchema } from "./bid-submission";
import { counterOfferInputSchema } from "./counter-offer-input";
import { amountString, lineTotal, totalFits } from "./decimal";
import { type DecimalLimit, largest, PRICE, TOTAL, VOLUME } from "./limits";
import { lotInputSchema } from "./lot";

// Properties over the whole range of each limit, its exact largest value and one digit over on either side of the
// point. The reference model is written with BigInt at fixed scales, independently of decimal.ts.

const digit = fc.constantFrom(..."0123456789");
const digitString = (length: number) =>
  fc.array(digit, { minLength: length, maxLength: length }).map((d) => d.join(""));

/** Decimal strings of up to one digit more than `limit` allows before and after the point, without leading zeros. */
function decimalAround(limit: DecimalLimit) {
  const generated = fc
    .record({
      integer: fc.oneof(
        fc.constant("0"),
        fc
          .integer({ min: 1, max: limit.integerDigits + 1 })
          .chain((length) => fc.tuple(fc.constantFrom(..."123456789"), digitString(length - 1)))
          .map(([first, rest]) => first + rest),
      ),
      fraction: fc.integer({ min: 0, max: limit.scale + 1 }).chain(digitString),
    })
    .map(({ integer, fraction }) => (fraction ? `${integer}.${fraction}` : integer));
  const edges = [
    largest(limit),
    "9".repeat(limit.integerDigits),
    `1${"0".repeat(limit.integerDigits)}`,
    `${largest(limit)}9`,
    `0.${"0".repeat(limit.scale - 1)}1`,
    `0.${"0".repeat(limit.scale)}1`,
  ];
  return fc.oneof({ arbitrary: generated, weight: 4 }, { arbitrary: fc.constantFrom(...edges), weight: 1 });
}

const fitsColumn = (value: string, limit: DecimalLimit) => {
  const [integer, fraction = ""] = value.split(".");
  return integer.length <= limit.integerDigits && fraction.length <= limit.scale;
};
const scaled = (value: string, scale: number) => {
  const [integer, fraction = ""] = value.split(".");
  return BigInt(integer + fraction.padEnd(scale, "0"));
};
const positive = (value: string) => scaled(value, 10) > 0n;

/** Volume × price in cents, rounded half up, at the fixed scales 3 and 4 (product scale 7). */
const referenceCents = (volume: string, price: string) => (scaled(volume, 3) * scaled(price, 4) + 50_000n) / 100_000n;
const centsText = (cents: bigint) => {
  const text = cents.toString().padStart(3, "0");
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
};
const largestTotalCents = scaled(largest(TOTAL), 2);

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((issue) => [issue.path.join("."), issue.message]) ?? [];

const terms = fc.record({ volume: decimalAround(VOLUME), pricePerUnit: decimalAround(PRICE) });
const runs = { numRuns: 1000 };

const submission = (volume: string, pricePerUnit: string) => ({
  lotId: "lot_5k2qabc",
  externalBidId: "pbid_91",
  bidder: { organizationId: "org_farm", organizationName: "Green Acres", name: "Pat", email: "pat@acres.example" },
  volume,
  pricePerUnit,
  currency: "EUR",
  validUntil: "2027-08-10T14:00:00+02:00",
});
const counterOffer = (volume: string, pricePerUnit: string) => ({
  volume,
  pricePerUnit,
  expiresAt: "2027-08-10T14:00:00Z",
});

describe("one precision: the schemas accept exactly what both portals' columns and a contract's total can hold", () => {
  it("lineTotal is volume × price rounded half up to cents, exactly, and totalFits says whether it fits TOTAL", () => {
    fc.assert(
      fc.property(terms, ({ volume, pricePerUnit }) => {
        fc.pre(fitsColumn(volume, VOLUME) && fitsColumn(pricePerUnit, PRICE));
        const cents = referenceCents(volume, pricePerUnit);
        expect(lineTotal(volume, pricePerUnit)).toBe(centsText(cents));
        expect(totalFits(volume, pricePerUnit)).toBe(cents <= largestTotalCents);
      }),
      runs,
    );
  });

  for (const [name, schema, body] of [
    ["a bid submission", bidSubmissionSchema, submission],
    ["a counter-offer", counterOfferInputSchema, counterOffer],
    ["a revision of both", bidRevisionSchema, (volume: string, pricePerUnit: string) => ({ volume, pricePerUnit })],
  ] as const) {
    it(`${name}: accepted exactly when volume and price fit their columns, are above 0 and their total fits`, () => {
      fc.assert(
        fc.property(terms, ({ volume, pricePerUnit }) => {
          const result = schema.safeParse(body(volume, pricePerUnit));
          const fieldsFit =
            fitsColumn(volume, VOLUME) && fitsColumn(pricePerUnit, PRICE) && positive(volume) && positive(pricePerUnit);
          const totalOk = fieldsFit && referenceCents(volume, pricePerUnit) <= largestTotalCents;
          expect(result.success).toBe(fieldsFit && totalOk);
          if (result.success) {
            expect(amountString().safeParse(lineTotal(volume, pricePerUnit)).success).toBe(true);
          } else if (fieldsFit) {
            expect(issues(result)).toEqual([["pricePerUnit", expect.stringContaining(`more than ${largest(TOTAL)}`)]]);
          } else {
            expect(issues(result).map(([path]) => path)).not.toContain("");
          }
        }),
        runs,
      );
    });
  }

  it("the largest volume and price each fit their column, and the refusal of their product names pricePerUnit", () => {
    const result = bidSubmissionSchema.safeParse(submission(largest(VOLUME), largest(PRICE)));
    expect(issues(result)).toEqual([
      [
        "pricePerUnit",
        `would make the total (volume × pricePerUnit) more than ${largest(TOTAL)}, the largest a contract can hold; lower the volume or the price`,
      ],
    ]);
    // The largest price with the largest volume whose total still fits.
    const volume = "10000000.000";
    expect(totalFits(volume, largest(PRICE))).toBe(true);
    expect(bidSubmissionSchema.safeParse(submission(volume, largest(PRICE))).success).toBe(true);
    expect(totalFits("10000000.001", largest(PRICE))).toBe(false);
  });

  it("a lot refuses a target price whose total with the lot's volume would not fit, naming targetPrice", () => {
    const lot = (volume: string, targetPrice: string | null) => ({
      title: "Wheat",
      commodity: "Wheat",
      volume,
      unit: "t",
      minBidVolume: "0.001",
      targetPrice,
      currency: "EUR",
      deliveryLocation: "Hamburg",
      incoterm: "DAP",
      deliveryStart: "2027-09-01",
      deliveryEnd: "2027-09-30",
      biddingDeadline: "2027-08-01T12:00:00Z",
      paymentTerms: "30 days",
    });
    fc.assert(
      fc.property(terms, ({ volume, pricePerUnit }) => {
        fc.pre(fitsColumn(volume, VOLUME) && positive(volume) && fitsColumn(pricePerUnit, PRICE));
        const result = lotInputSchema.safeParse(lot(volume, pricePerUnit));
        expect(result.success).toBe(referenceCents(volume, pricePerUnit) <= largestTotalCents);
        if (!result.success) expect(issues(result).map(([path]) => path)).toEqual(["targetPrice"]);
        expect(lotInputSchema.safeParse(lot(volume, null)).success).toBe(true);
      }),
      runs,
    );
  });
});
