import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  amountString,
  compareDecimals,
  lineTotal,
  positivePrice,
  positiveVolume,
  priceString,
  requireTotalFits,
  subtractDecimals,
  volumeString,
} from "./decimal";

const messages = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message);

describe("decimal money and volume", () => {
  it("answers words where a positive decimal belongs with one issue, never by throwing", () => {
    for (const schema of [positiveVolume(), positivePrice()]) {
      const result = schema.safeParse("abc");
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.message)).toEqual([
        expect.stringContaining("must be a non-negative decimal"),
      ]);
    }
  });

  it("accepts decimal strings within the allowed scale", () => {
    expect(priceString().parse("245.5000")).toBe("245.5000");
    expect(volumeString().parse("1200.125")).toBe("1200.125");
    expect(amountString().parse("294600.00")).toBe("294600.00");
  });

  it("refuses a JSON number, telling the caller to send a string", () => {
    expect(messages(priceString().safeParse(245.5))).toEqual([
      'must be a decimal number written as a string, e.g. "245.50"',
    ]);
  });

  it("refuses more decimals than the field allows", () => {
    expect(messages(priceString().safeParse("245.12345"))).toEqual([
      'must be a non-negative decimal with at most 4 decimals, e.g. "245.50"',
    ]);
    expect(volumeString().safeParse("10.0001").success).toBe(false);
    expect(amountString().safeParse("10.001").success).toBe(false);
  });

  it("refuses negative, exponent and blank values, and says so when missing", () => {
    for (const value of ["-1", "1e3", "", "12,50"]) expect(priceString().safeParse(value).success).toBe(false);
    expect(messages(priceString().safeParse(undefined))).toEqual(["is required"]);
    expect(messages(positivePrice().safeParse("0.0000"))).toEqual(["must be greater than 0"]);
  });

  it("compares exactly, beyond float precision", () => {
    expect(compareDecimals("0.1", "0.10")).toBe(0);
    expect(compareDecimals("9007199254740993.1", "9007199254740993.01")).toBe(1);
    expect(compareDecimals("2", "10")).toBe(-1);
  });

  it("computes a total exactly and rounds half up to cents", () => {
    expect(lineTotal("1200", "245.5")).toBe("294600.00");
    expect(lineTotal("0.125", "0.1")).toBe("0.01");
    expect(lineTotal("0.125", "0.3")).toBe("0.04");
    expect(lineTotal("3", "0.335")).toBe("1.01");
    expect(lineTotal("999999999999.999", "999999999999.9999")).toBe("999999999999998900000000.00");
  });
});

describe("subtracting decimals", () => {
  it("is exact, keeps the larger scale, and signs a negative result", () => {
    expect(subtractDecimals("500.000", "120.5")).toBe("379.500");
    expect(subtractDecimals("0.3", "0.1")).toBe("0.2");
    expect(subtractDecimals("1200", "1200.000")).toBe("0.000");
    expect(subtractDecimals("7", "2")).toBe("5");
    expect(subtractDecimals("0.05", "1")).toBe("-0.95");
    expect(subtractDecimals("99999999999.999", "0.001")).toBe("99999999999.998");
  });

  it("leaves a malformed or missing volume or price to its own field's issue when checking the total, never throwing", () => {
    const schema = z
      .object({ volume: z.unknown(), pricePerUnit: z.unknown() })
      .superRefine(requireTotalFits("volume", "pricePerUnit"));
    for (const volume of ["abc", "1e30", "", null, undefined, 12, "-1", "1.2.3", "9".repeat(1_000_000)]) {
      expect(() => schema.safeParse({ volume, pricePerUnit: "99999999999.9999" })).not.toThrow();
      expect(schema.safeParse({ volume, pricePerUnit: "99999999999.9999" }).success).toBe(true);
    }
    expect(messages(schema.safeParse({ volume: " 999999999999.999 ", pricePerUnit: "99999999999.9999" }))).toEqual([
      expect.stringContaining("the largest a contract can hold"),
    ]);
  });
});
