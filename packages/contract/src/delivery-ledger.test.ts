import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DiscountKind, TicketDecision } from "./delivery";
import {
  computeLedger,
  type LedgerTerms,
  measureQuality,
  type TicketFacts,
  toleranceBounds,
  valueTicket,
} from "./delivery-ledger";
import type { QualityParameter } from "./delivery-terms";

const terms = (change: Partial<LedgerTerms> = {}): LedgerTerms => ({
  volume: "500.000",
  pricePerUnit: "230.1234",
  tolerance: { percent: "5.00", option: "seller", beyond: "refuse" },
  ...change,
});

const ticket = (change: Partial<TicketFacts> = {}): TicketFacts => ({
  netWeight: "24.500",
  decision: "accept",
  discountKind: null,
  discountAmount: null,
  outOfSpec: false,
  ...change,
});

const valued = (ledgerTerms: LedgerTerms, facts: TicketFacts) => ({ ...facts, ...valueTicket(ledgerTerms, facts) });

describe("what one load is worth", () => {
  it("an accepted load: its net weight, at the contract price, rounded half up to cents", () => {
    // 24.5 × 230.1234 = 5638.0233
    expect(valueTicket(terms(), ticket())).toEqual({ acceptedQuantity: "24.500", discount: "0.00", value: "5638.02" });
    // 0.005 × 1 = 0.005: half a cent rounds up
    expect(valueTicket(terms({ pricePerUnit: "1" }), ticket({ netWeight: "0.005" }))).toEqual({
      acceptedQuantity: "0.005",
      discount: "0.00",
      value: "0.01",
    });
    expect(valueTicket(terms({ pricePerUnit: "1" }), ticket({ netWeight: "0.004" })).value).toBe("0.00");
  });

  it("a discount per unit: net weight × amount, in cents, off the load's value", () => {
    const discounted = ticket({ decision: "accept_with_discount", discountKind: "per_unit", discountAmount: "2.5" });
    // 24.5 × 2.5 = 61.25; 5638.02 − 61.25
    expect(valueTicket(terms(), discounted)).toEqual({
      acceptedQuantity: "24.500",
      discount: "61.25",
      value: "5576.77",
    });
    const halfCent = ticket({ ...discounted, netWeight: "0.005", discountAmount: "1" });
    expect(valueTicket(terms({ pricePerUnit: "3" }), halfCent)).toEqual({
      acceptedQuantity: "0.005",
      discount: "0.01",
      value: "0.01",
    });
  });

  it("a discount in percent: of the exact value, rounded half up to cents, then taken off the rounded value", () => {
    const discounted = ticket({ decision: "accept_with_discount", discountKind: "percent", discountAmount: "1.5" });
    // 5638.0233 × 1.5 % = 84.5703495 → 84.57; 5638.02 − 84.57
    expect(valueTicket(terms(), discounted)).toEqual({
      acceptedQuantity: "24.500",
      discount: "84.57",
      value: "5553.45",
    });
    const everything = ticket({ ...discounted, discountAmount: "100" });
    expect(valueTicket(terms(), everything)).toEqual({
      acceptedQuantity: "24.500",
      discount: "5638.02",
      value: "0.00",
    });
  });

  it("a rejected load is worth nothing and adds nothing, whatever discount it names", () => {
    for (const facts of [
      ticket({ decision: "reject" }),
      ticket({ decision: "reject", discountKind: "percent", discountAmount: "10", outOfSpec: true }),
    ]) {
      expect(valueTicket(terms(), facts)).toEqual({ acceptedQuantity: "0.000", discount: "0.00", value: "0.00" });
    }
  });

  it("a discount named on a plain acceptance is not taken", () => {
    const plain = ticket({ decision: "accept", discountKind: "per_unit", discountAmount: "5" });
    expect(valueTicket(terms(), plain)).toEqual({ acceptedQuantity: "24.500", discount: "0.00", value: "5638.02" });
  });
});

describe("the tolerance's bounds", () => {
  it.each([
    ["500", "5", "475.000", "525.000"],
    ["200.000", "5.00", "190.000", "210.000"],
    ["1000", "0", "1000.000", "1000.000"],
    // 100.001 × 5 % = 5.00005: 95.00095 rounds up, 105.00105 rounds down
    ["100.001", "5", "95.001", "105.001"],
    // 333.333 × 2.5 % = 8.3333325: 324.9996675 up, 341.6663325 down
    ["333.333", "2.5", "325.000", "341.666"],
    ["0.001", "20", "0.001", "0.001"],
  ])("%s ± %s %% is %s to %s, rounded inwards", (volume, percent, minimum, maximum) => {
    expect(toleranceBounds(terms({ volume, tolerance: { percent, option: "buyer", beyond: "flag" } }))).toEqual({
      minimum,
      maximum,
    });
  });
});

// The reference model: BigInt thousandths (and cents), written independently of decimal.ts.
const thousandths = (value: string) => {
  const [whole, fraction = ""] = value.split(".");
  return BigInt(whole + fraction.padEnd(3, "0").slice(0, 3));
};
const asVolume = (units: bigint) => {
  const digits = units.toString().padStart(4, "0");
  return `${digits.slice(0, -3)}.${digits.slice(-3)}`;
};
const cents = (value: string) => {
  const [whole, fraction = ""] = value.split(".");
  return BigInt(whole + fraction.padEnd(2, "0"));
};

describe("the ledger", () => {
  it("adds up every load: accepted, rejected, value, discounts, loads and those out of spec", () => {
    const ledgerTerms = terms({
      volume: "100",
      pricePerUnit: "200",
      tolerance: { percent: "5", option: "seller", beyond: "flag" },
    });
    const tickets = [
      valued(ledgerTerms, ticket({ netWeight: "40.250" })),
      valued(ledgerTerms, ticket({ netWeight: "30", decision: "reject", outOfSpec: true })),
      valued(
        ledgerTerms,
        ticket({
          netWeight: "35.5",
          decision: "accept_with_discount",
          discountKind: "per_unit",
          discountAmount: "3",
          outOfSpec: true,
        }),
      ),
    ];

    expect(computeLedger(ledgerTerms, tickets)).toEqual({
      volume: "100.000",
      minimum: "95.000",
      maximum: "105.000",
      accepted: "75.750",
      remaining: "24.250",
      rejected: "30.000",
      withinTolerance: false,
      overTolerance: false,
      // 40.25 × 200 = 8050.00; 35.5 × 200 = 7100.00 − 106.50
      value: "15043.50",
      discounts: "106.50",
      loads: 3,
      outOfSpecLoads: 2,
    });
  });

  it("is within the tolerance from the minimum to the maximum inclusive, and over it past the maximum", () => {
    const ledgerTerms = terms({ volume: "100", pricePerUnit: "1" });
    const at = (net: string) => computeLedger(ledgerTerms, [valued(ledgerTerms, ticket({ netWeight: net }))]);

    expect(at("94.999")).toMatchObject({ withinTolerance: false, overTolerance: false, remaining: "5.001" });
    expect(at("95")).toMatchObject({ withinTolerance: true, overTolerance: false, remaining: "5.000" });
    expect(at("105")).toMatchObject({ withinTolerance: true, overTolerance: false, remaining: "0.000" });
    expect(at("105.001")).toMatchObject({ withinTolerance: false, overTolerance: true, remaining: "0.000" });
  });

  it("of a contract with no load yet is empty", () => {
    expect(computeLedger(terms(), [])).toEqual({
      volume: "500.000",
      minimum: "475.000",
      maximum: "525.000",
      accepted: "0.000",
      remaining: "500.000",
      rejected: "0.000",
      withinTolerance: false,
      overTolerance: false,
      value: "0.00",
      discounts: "0.00",
      loads: 0,
      outOfSpecLoads: 0,
    });
  });

  it("accepted is the exact sum of the accepted loads, and within the tolerance exactly when minimum ≤ accepted ≤ maximum", () => {
    const volume = fc.bigInt({ min: 1n, max: 10_000_000n }).map(asVolume);
    const percent = fc.integer({ min: 0, max: 2000 }).map((hundredths) => (hundredths / 100).toFixed(2));
    const price = fc.bigInt({ min: 1n, max: 99_999_999n }).map((units) => {
      const digits = units.toString().padStart(5, "0");
      return `${digits.slice(0, -4)}.${digits.slice(-4)}`;
    });
    const load = fc.record({
      netWeight: fc.bigInt({ min: 1n, max: 3_000_000n }).map(asVolume),
      decision: fc.constantFrom<TicketDecision>("accept", "accept_with_discount", "reject"),
      discountKind: fc.constantFrom<DiscountKind>("per_unit", "percent"),
      discountPercent: fc.integer({ min: 0, max: 10_000 }).map((hundredths) => (hundredths / 100).toFixed(2)),
      outOfSpec: fc.boolean(),
    });

    fc.assert(
      fc.property(volume, percent, price, fc.array(load, { maxLength: 12 }), (vol, pct, pricePerUnit, loads) => {
        const ledgerTerms = terms({
          volume: vol,
          pricePerUnit,
          tolerance: { percent: pct, option: "seller", beyond: "flag" },
        });
        const tickets = loads.map((l) =>
          valued(
            ledgerTerms,
            ticket({
              netWeight: l.netWeight,
              decision: l.decision,
              discountKind: l.decision === "accept_with_discount" ? l.discountKind : null,
              // A per-unit discount is at most the price; a percent one at most 100.
              discountAmount:
                l.decision !== "accept_with_discount" ? null : l.discountKind === "percent" ? l.discountPercent : "0.5",
              outOfSpec: l.outOfSpec,
            }),
          ),
        );
        const ledger = computeLedger(ledgerTerms, tickets);

        const accepted = loads
          .filter((l) => l.decision !== "reject")
          .reduce((sum, l) => sum + thousandths(l.netWeight), 0n);
        const rejected = loads
          .filter((l) => l.decision === "reject")
          .reduce((sum, l) => sum + thousandths(l.netWeight), 0n);
        expect(ledger.accepted).toBe(asVolume(accepted));
        expect(ledger.rejected).toBe(asVolume(rejected));
        const within = thousandths(ledger.minimum) <= accepted && accepted <= thousandths(ledger.maximum);
        expect(ledger.withinTolerance).toBe(within);
        expect(ledger.overTolerance).toBe(accepted > thousandths(ledger.maximum));
        const short = thousandths(vol) - accepted;
        expect(ledger.remaining).toBe(asVolume(short > 0n ? short : 0n));
        expect(cents(ledger.value)).toBe(tickets.reduce((sum, t) => sum + cents(t.value), 0n));
        expect(cents(ledger.discounts)).toBe(tickets.reduce((sum, t) => sum + cents(t.discount), 0n));
        expect(ledger.loads).toBe(loads.length);
        expect(ledger.outOfSpecLoads).toBe(loads.filter((l) => l.outOfSpec).length);

        // The bounds are the exact ones rounded inwards: volume × (100 ∓ percent) / 100 in thousandths.
        const exactTimes10000 = (sign: bigint) => thousandths(vol) * (10_000n + sign * BigInt(pct.replace(".", "")));
        const low = exactTimes10000(-1n);
        const high = exactTimes10000(1n);
        expect(thousandths(ledger.minimum)).toBe((low + 9_999n) / 10_000n);
        expect(thousandths(ledger.maximum)).toBe(high / 10_000n);
      }),
      { numRuns: 300 },
    );
  });
});

describe("measuring a load's quality", () => {
  const parameters: QualityParameter[] = [
    { name: "Moisture", unit: "%", min: null, max: "14.5" },
    { name: "Protein", unit: "%", min: "12.5", max: null },
    { name: "Falling number", unit: "s", min: "250", max: "400" },
  ];

  it("gives each measurement its parameter's spelling and range, and whether it is in spec (limits included)", () => {
    const result = measureQuality(parameters, [
      { name: "moisture", value: "14.5", unit: "%" },
      { name: "PROTEIN", value: "12.4", unit: "%" },
      { name: "Falling number", value: "250", unit: "s" },
    ]);
    expect(result).toEqual({
      measurements: [
        { name: "Moisture", unit: "%", value: "14.5", min: null, max: "14.5", inSpec: true },
        { name: "Protein", unit: "%", value: "12.4", min: "12.5", max: null, inSpec: false },
        { name: "Falling number", unit: "s", value: "250", min: "250", max: "400", inSpec: true },
      ],
    });
    const over = measureQuality(parameters, [
      { name: "Moisture", value: "14.51", unit: "%" },
      { name: "Falling number", value: "400.001", unit: "s" },
    ]);
    expect("measurements" in over && over.measurements.map((m) => m.inSpec)).toEqual([false, false]);
    expect(measureQuality(parameters, [])).toEqual({ measurements: [] });
  });

  it("refuses a name that is not one of the contract's parameters, naming the field and the known ones", () => {
    expect(
      measureQuality(parameters, [
        { name: "Moisture", value: "13", unit: "%" },
        { name: "Gluten", value: "28", unit: "%" },
      ]),
    ).toEqual({
      field: "measurements.1.name",
      message:
        '"Gluten" is not a quality parameter of this contract (its parameters: Moisture, Protein, Falling number)',
    });
    expect(measureQuality([], [{ name: "Moisture", value: "13", unit: "%" }])).toEqual({
      field: "measurements.0.name",
      message: '"Moisture" is not a quality parameter of this contract (its parameters: none)',
    });
  });

  it("refuses a measurement in another unit than its parameter's: never converted", () => {
    expect(measureQuality(parameters, [{ name: "Falling number", value: "300", unit: "count" }])).toEqual({
      field: "measurements.0.unit",
      message: "Falling number is measured in s, not count",
    });
  });

  it("refuses a parameter measured twice, whatever case the second is written in", () => {
    expect(
      measureQuality(parameters, [
        { name: "Protein", value: "13", unit: "%" },
        { name: "protein", value: "13.1", unit: "%" },
      ]),
    ).toEqual({ field: "measurements.1.name", message: "Protein is measured twice" });
  });
});
