import { describe, expect, it } from "vitest";
import { OFFER_STATUS_LABEL, type OfferRound, offerChanges, plainDecimal } from "./offer-rounds";

const round = (change: Partial<OfferRound>): OfferRound => ({
  id: "ofr_1",
  round: 1,
  fromParty: "producer",
  volume: "120.000",
  pricePerUnit: "245.5000",
  currency: "EUR",
  total: "29460.00",
  deliveryTerms: "DAP Hamburg, September",
  message: "",
  expiresAt: "2027-01-01T12:00:00.000Z",
  status: "superseded",
  createdAt: "2026-12-01T12:00:00.000Z",
  ...change,
});

describe("a round of the negotiation", () => {
  it("writes stored decimals as a person would, without float rounding", () => {
    expect(plainDecimal("120.000")).toBe("120");
    expect(plainDecimal("12.500")).toBe("12.5");
    expect(plainDecimal("245.5000", 2)).toBe("245.50");
    expect(plainDecimal("236.1250", 2)).toBe("236.125");
    expect(plainDecimal("0.1234", 2)).toBe("0.1234");
    expect(plainDecimal("9007199254740993.10", 2)).toBe("9007199254740993.10");
  });

  it("names what a counter-offer changed from the round before, and nothing for the first round", () => {
    const first = round({});
    const counter = round({ round: 2, fromParty: "buyer", volume: "100.000", pricePerUnit: "239.0000" });
    expect(offerChanges(undefined, first)).toEqual([]);
    expect(offerChanges(first, counter)).toEqual(["price 245.50 → 239.00", "volume 120 → 100"]);
    expect(offerChanges(first, round({ round: 2 }))).toEqual([]);
  });

  it("names a change of delivery terms, and an empty one as a dash", () => {
    expect(offerChanges(round({}), round({ deliveryTerms: "FCA Rostock" }))).toEqual([
      "delivery terms “DAP Hamburg, September” → “FCA Rostock”",
    ]);
    expect(offerChanges(round({}), round({ deliveryTerms: "" }))).toEqual([
      "delivery terms “DAP Hamburg, September” → “—”",
    ]);
  });

  it("labels every status capitalised, the same in both portals", () => {
    expect(Object.values(OFFER_STATUS_LABEL)).toEqual([
      "Waiting for an answer",
      "Accepted",
      "Rejected",
      "Countered",
      "Expired",
    ]);
  });
});
