import { describe, expect, it } from "vitest";
import { bidDecisionSchema } from "./bid-decision";

describe("buyer's decision on a bid", () => {
  it("is an accept, or a reject with a reason", () => {
    expect(bidDecisionSchema.parse({ action: "accept" })).toEqual({ action: "accept" });
    expect(bidDecisionSchema.parse({ action: "reject", reason: " Price too high " })).toEqual({
      action: "reject",
      reason: "Price too high",
    });
  });

  it("refuses a rejection without a reason and an unknown action", () => {
    const missingReason = bidDecisionSchema.safeParse({ action: "reject" });
    expect(missingReason.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["reason", "is required"]]);
    const unknown = bidDecisionSchema.safeParse({ action: "maybe" });
    expect(unknown.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["action", 'must be "accept" or "reject"'],
    ]);
  });
});
