import type { Offer } from "@lotbridge/contract/offer";
import { expect, it } from "vitest";
import { offerChanges, plainDecimal } from "./offer-rounds";

const round = (change: Partial<Offer>): Offer => ({
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

it("writes stored decimals as a person would, without float rounding", () => {
  expect(plainDecimal("120.000")).toBe("120");
  expect(plainDecimal("12.500")).toBe("12.5");
  expect(plainDecimal("245.5000", 2)).toBe("245.50");
  expect(plainDecimal("0.1234", 2)).toBe("0.1234");
  expect(plainDecimal("9007199254740993.10", 2)).toBe("9007199254740993.10");
});

it("names what a counter-offer changed from the round before, and nothing for the first round", () => {
  const first = round({});
  const counter = round({ round: 2, fromParty: "buyer", volume: "100.000", pricePerUnit: "239.0000" });
  expect(offerChanges(undefined, first)).toEqual([]);
  expect(offerChanges(first, counter)).toEqual(["price 245.50 → 239.00", "volume 120 → 100"]);
  expect(offerChanges(counter, round({ ...counter, deliveryTerms: "FCA Rostock" }))).toEqual([
    "delivery terms “DAP Hamburg, September” → “FCA Rostock”",
  ]);
  expect(offerChanges(first, round({ round: 2 }))).toEqual([]);
});
