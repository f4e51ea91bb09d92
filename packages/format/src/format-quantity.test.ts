import { describe, expect, it } from "vitest";
import { formatQuantity } from "./format-quantity";

describe("formatQuantity", () => {
  it("writes a volume as people do: grouped, no trailing zeros, with its unit", () => {
    expect(formatQuantity("5000.000", "t")).toBe("5,000 t");
    expect(formatQuantity("12.500", "t")).toBe("12.5 t");
    expect(formatQuantity("0.250", "kg")).toBe("0.25 kg");
    expect(formatQuantity("999999999999.999", "t")).toBe("999,999,999,999.999 t");
  });
});
