import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDecimal } from "./format-decimal";

// The exact value a formatted number stands for: grouping removed, trailing zeros after the point dropped.
const canonical = (decimal: string) => {
  const [whole, fraction = ""] = decimal.replaceAll(",", "").split(".");
  const integer = whole.replace(/^0+(?=\d)/, "");
  const digits = fraction.replace(/0+$/, "");
  return digits ? `${integer}.${digits}` : integer;
};

describe("formatDecimal", () => {
  it("groups thousands and keeps every significant digit", () => {
    expect(formatDecimal("5000.000")).toBe("5,000");
    expect(formatDecimal("12.500")).toBe("12.5");
    expect(formatDecimal("0.001")).toBe("0.001");
    expect(formatDecimal("1234567.5", 2)).toBe("1,234,567.50");
    expect(formatDecimal("198.0000", 2)).toBe("198.00");
    expect(formatDecimal("198.125", 2)).toBe("198.125");
  });

  it("never rounds the largest values the contract allows", () => {
    expect(formatDecimal("99999999999.9999", 2)).toBe("99,999,999,999.9999");
    expect(formatDecimal("999999999999.999")).toBe("999,999,999,999.999");
    expect(formatDecimal("999999999999999999.99", 2)).toBe("999,999,999,999,999,999.99");
    expect(formatDecimal("123456789012.0001", 2)).toBe("123,456,789,012.0001");
  });

  it("keeps digits beyond what Intl can hold instead of rounding them", () => {
    const long = `1.${"1".repeat(25)}`;
    expect(formatDecimal(`1234${long.slice(1)}`)).toBe(`1,234.${"1".repeat(25)}`);
  });

  it("returns anything that is not a decimal string unchanged", () => {
    expect(formatDecimal("")).toBe("");
    expect(formatDecimal("abc")).toBe("abc");
    expect(formatDecimal("1e5")).toBe("1e5");
  });

  it("formatting then removing the grouping gives back the exact value (property)", () => {
    const decimal = fc
      .tuple(fc.stringMatching(/^\d{1,18}$/), fc.stringMatching(/^\d{0,24}$/))
      .map(([whole, fraction]) => (fraction ? `${whole}.${fraction}` : whole));
    fc.assert(
      fc.property(decimal, fc.integer({ min: 0, max: 4 }), (value, minimum) => {
        const shown = formatDecimal(value, minimum);
        expect(shown).toMatch(/^\d{1,3}(,\d{3})*(\.\d+)?$/);
        expect(canonical(shown)).toBe(canonical(value));
        const decimals = shown.split(".")[1] ?? "";
        expect(decimals.length).toBeGreaterThanOrEqual(minimum);
        if (decimals.length > minimum) expect(decimals.endsWith("0")).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
