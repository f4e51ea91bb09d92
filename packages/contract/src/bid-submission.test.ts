import { describe, expect, it } from "vitest";
import { bidSubmissionSchema } from "./bid-submission";

const valid = {
  lotId: "lot_5k2qabc",
  externalBidId: "pbid_91",
  bidder: {
    organizationId: "org_farm",
    organizationName: "Green Acres",
    name: "Pat Farmer",
    email: "pat@acres.example",
  },
  volume: "120",
  pricePerUnit: "240.50",
  currency: "EUR",
  validUntil: "2027-08-10T14:00:00+02:00",
};

const fieldErrors = (value: unknown) => {
  const result = bidSubmissionSchema.safeParse(value);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("bid submission", () => {
  it("accepts a bid and fills in empty delivery terms and message", () => {
    expect(bidSubmissionSchema.parse(valid)).toMatchObject({ volume: "120", deliveryTerms: "", message: "" });
  });

  it("explains each wrong field in words a producer can act on", () => {
    expect(
      fieldErrors({
        ...valid,
        volume: 120,
        pricePerUnit: "0",
        currency: "JPY",
        validUntil: "next Friday",
        bidder: { ...valid.bidder, email: "pat" },
      }),
    ).toEqual({
      volume: 'must be a decimal number written as a string, e.g. "245.50"',
      pricePerUnit: "must be greater than 0",
      currency: "must be one of EUR, USD, GBP, CHF, PLN, CAD, AUD, BRL, UAH, RON",
      validUntil: "must be a date and time like 2026-08-15T12:00:00Z",
      "bidder.email": "must be an email address like anna@example.com",
    });
  });

  it("says which fields are missing", () => {
    const { lotId: _, bidder: __, ...rest } = valid;
    expect(fieldErrors(rest)).toEqual({ lotId: "is required", bidder: "is required" });
  });
});
