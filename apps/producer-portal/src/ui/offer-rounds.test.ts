import type { Offer } from "@lotbridge/contract/offer";
import { describe, expect, it } from "vitest";
import { offerChanges, plainDecimal } from "./offer-rounds";

const offer = (change: Partial<Offer>): Offer => ({
  id: "ofr_1",
  round: 1,
  fromParty: "producer",
  volume: "100.000",
  pricePerUnit: "240.5000",
  currency: "EUR",
  total: "24050.00",
  deliveryTerms: "DAP Hamburg",
  message: "",
  expiresAt: "2026-11-10T12:00:00.000Z",
  status: "superseded",
  createdAt: "2026-11-01T12:00:00.000Z",
  ...change,
});

describe("a round of the negotiation", () => {
  it("reads decimals as people write them", () => {
    expect(plainDecimal("240.5000", 2)).toBe("240.50");
    expect(plainDecimal("236.1250", 2)).toBe("236.125");
    expect(plainDecimal("100.000")).toBe("100");
    expect(plainDecimal("12.500")).toBe("12.5");
  });

  it("says what changed from the round before", () => {
    const first = offer({});
    const second = offer({ round: 2, fromParty: "buyer", pricePerUnit: "236.0000", volume: "80.000" });
    expect(offerChanges(first, second)).toEqual(["volume 100 → 80", "price 240.50 → 236.00"]);
    expect(offerChanges(second, offer({ round: 3, volume: "80.000", pricePerUnit: "236.0000" }))).toEqual([]);
    expect(offerChanges(undefined, first)).toEqual([]);
  });

  it("names a change of delivery terms", () => {
    expect(offerChanges(offer({}), offer({ deliveryTerms: "FCA farm" }))).toEqual([
      "delivery terms “DAP Hamburg” → “FCA farm”",
    ]);
  });
});
