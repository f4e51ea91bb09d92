import { describe, expect, it } from "vitest";
import { formatMoney } from "./format-money";
import { formatPrice } from "./format-price";

describe("formatMoney and formatPrice", () => {
  it("writes money with its currency code and cents, more decimals only when they carry information", () => {
    expect(formatMoney("1234567.5", "EUR")).toBe("EUR 1,234,567.50");
    expect(formatMoney("990000.00", "USD")).toBe("USD 990,000.00");
    expect(formatMoney("0", "USD")).toBe("USD 0.00");
    expect(formatPrice("198.0000", "USD", "t")).toBe("USD 198.00 / t");
    expect(formatPrice("198.1250", "USD", "t")).toBe("USD 198.125 / t");
  });

  it("never rounds a 12-digit price with 4 decimals or the largest total", () => {
    expect(formatPrice("99999999999.9999", "USD", "t")).toBe("USD 99,999,999,999.9999 / t");
    expect(formatMoney("999999999999999999.99", "EUR")).toBe("EUR 999,999,999,999,999,999.99");
  });
});
