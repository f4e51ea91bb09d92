import { describe, expect, it } from "vitest";
import { bidRevisionSchema } from "./bid-revision";

describe("bid revision", () => {
  it("accepts any one changed field", () => {
    expect(bidRevisionSchema.parse({ pricePerUnit: "238" })).toEqual({ pricePerUnit: "238" });
  });

  it("refuses an empty revision and says what may change", () => {
    const result = bidRevisionSchema.safeParse({});
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      "must change at least one of volume, pricePerUnit, deliveryTerms, message, validUntil",
    ]);
  });
});
