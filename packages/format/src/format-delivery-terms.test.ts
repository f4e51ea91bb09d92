import { describe, expect, it } from "vitest";
import { formatQualityRange, formatTolerance } from "./format-delivery-terms";

describe("delivery terms in words", () => {
  it("writes the tolerance with its option and rule, without zeros that carry nothing", () => {
    expect(formatTolerance({ percent: "5.00", option: "seller", beyond: "refuse" })).toBe(
      "±5 % at seller's option; beyond tolerance refused",
    );
    expect(formatTolerance({ percent: "2.50", option: "buyer", beyond: "flag" })).toBe(
      "±2.5 % at buyer's option; beyond tolerance accepted and flagged",
    );
  });

  it("writes a parameter's range by which limits it has", () => {
    expect(formatQualityRange({ min: "12.500", max: null, unit: "%" })).toBe("at least 12.5 %");
    expect(formatQualityRange({ min: null, max: "14.5", unit: "%" })).toBe("at most 14.5 %");
    expect(formatQualityRange({ min: "76", max: "84", unit: "kg/hl" })).toBe("76 – 84 kg/hl");
  });
});
