import { describe, expect, it } from "vitest";
import {
  commodityDeliveryDefaults,
  defaultDeliveryTerms,
  MAX_QUALITY_PARAMETERS,
  qualityParametersSchema,
  toleranceSchema,
} from "./delivery-terms";
import { lotInputSchema } from "./lot";

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((issue) => ({ field: issue.path.join("."), message: issue.message })) ?? [];

const wheat = {
  tolerance: { percent: "5", option: "seller", beyond: "refuse" },
  qualityParameters: [
    { name: "Moisture", unit: "%", min: null, max: "14.5" },
    { name: "Protein", unit: "%", min: "12.5", max: null },
    { name: "Test weight", unit: "kg/hl", min: "76", max: null },
    { name: "Falling number", unit: "s", min: "250", max: null },
  ],
};

const none = { tolerance: { percent: "0", option: "seller", beyond: "refuse" }, qualityParameters: [] };

describe("a commodity's usual delivery terms", () => {
  it("are wheat's for any commodity with the word wheat in it, whatever its case", () => {
    expect(defaultDeliveryTerms("Milling wheat")).toEqual(wheat);
    expect(defaultDeliveryTerms("WHEAT")).toEqual(wheat);
    expect(defaultDeliveryTerms("Wheat, class 2 (bread)")).toEqual(wheat);
  });

  it("are found by a word, not by letters inside another word: buckwheat is not wheat", () => {
    expect(defaultDeliveryTerms("Buckwheat")).toEqual(none);
  });

  it.each([
    ["Feed barley", "barley", "Admixture"],
    ["Yellow corn", "maize", "Aflatoxin B1"],
    ["Maize", "maize", "Broken kernels"],
    ["Canola", "rapeseed", "Oil content"],
    ["Winter rapeseed", "rapeseed", "Oil content"],
    ["Sunflower seed", "sunflower", "Oil content"],
    ["Soybean", "soybeans", "Protein"],
    ["Soy", "soybeans", "Protein"],
    ["GMO-free soybeans", "soybeans", "Protein"],
  ])("%s gets %s's terms (±5 %%, seller's option, refused beyond)", (commodity, known, parameter) => {
    const terms = defaultDeliveryTerms(commodity);
    expect(terms).toEqual(commodityDeliveryDefaults[known]);
    expect(terms.tolerance).toEqual({ percent: "5", option: "seller", beyond: "refuse" });
    expect(terms.qualityParameters.map((p) => p.name)).toContain(parameter);
  });

  it.each(["Oats", "Spelt", "Hay bales", "", "  ", "123"])("%j, unknown, gets ±0 %% and no parameters", (commodity) => {
    expect(defaultDeliveryTerms(commodity)).toEqual(none);
  });

  it("takes the first word it knows: malting barley with wheat admixture is barley", () => {
    expect(defaultDeliveryTerms("Malting barley with wheat admixture")).toEqual(commodityDeliveryDefaults.barley);
  });

  it("hands out copies, so a caller changing them changes nobody else's", () => {
    const mine = defaultDeliveryTerms("Wheat");
    mine.tolerance.percent = "10";
    mine.qualityParameters[0].max = "99";
    mine.qualityParameters.pop();
    const unknown = defaultDeliveryTerms("Oats");
    unknown.qualityParameters.push({ name: "Husk", unit: "%", min: null, max: "1" });

    expect(defaultDeliveryTerms("Wheat")).toEqual(wheat);
    expect(defaultDeliveryTerms("Oats")).toEqual(none);
  });

  it("are valid terms for a lot: every default passes the lot's own schemas", () => {
    for (const terms of Object.values(commodityDeliveryDefaults)) {
      expect(toleranceSchema.safeParse(terms.tolerance).success).toBe(true);
      expect(qualityParametersSchema.parse(terms.qualityParameters)).toEqual(terms.qualityParameters);
    }
  });
});

describe("the tolerance a buyer sets", () => {
  const valid = { percent: "5", option: "seller", beyond: "refuse" };

  it.each(["0", "0.5", "2.25", "20", "20.00"])("accepts %s %%", (percent) => {
    expect(toleranceSchema.safeParse({ ...valid, percent }).success).toBe(true);
  });

  it.each([
    ["25", "must be at most 20"],
    ["20.01", "must be at most 20"],
    ["2.255", 'must be a non-negative decimal with at most 2 decimals, e.g. "245.50"'],
    ["-1", 'must be a non-negative decimal with at most 2 decimals, e.g. "245.50"'],
  ])("refuses %s %%, naming percent", (percent, message) => {
    expect(issues(toleranceSchema.safeParse({ ...valid, percent }))).toEqual([{ field: "percent", message }]);
  });

  it("refuses an option or rule it does not know, and a tolerance that is not an object", () => {
    expect(issues(toleranceSchema.safeParse({ ...valid, option: "both" }))).toEqual([
      { field: "option", message: "must be seller or buyer" },
    ]);
    expect(issues(toleranceSchema.safeParse({ ...valid, beyond: "accept" }))).toEqual([
      { field: "beyond", message: "must be refuse or flag" },
    ]);
    expect(issues(toleranceSchema.safeParse("5 %"))).toEqual([
      { field: "", message: "must be an object with percent, option and beyond" },
    ]);
  });
});

describe("the quality parameters a buyer sets", () => {
  const moisture = { name: "Moisture", unit: "%", min: null, max: "14.5" };

  it("fills in a missing limit as null and keeps the values as written", () => {
    expect(qualityParametersSchema.parse([{ name: " Protein ", unit: "%", min: "12.5" }])).toEqual([
      { name: "Protein", unit: "%", min: "12.5", max: null },
    ]);
  });

  it.each([
    ["min more than max", [{ ...moisture, min: "15", max: "14.5" }], "0.min", "must not be more than max"],
    ["no limit at all", [{ ...moisture, max: null }], "0.max", "a parameter needs a min, a max or both"],
    [
      "a unit it does not know",
      [{ ...moisture, unit: "percent" }],
      "0.unit",
      "must be one of %, kg/hl, mg/kg, ppb, s, count",
    ],
    ["a negative limit", [{ ...moisture, max: "-1" }], "0.max", expect.stringContaining("non-negative")],
    ["an empty name", [{ ...moisture, name: " " }], "0.name", expect.any(String)],
    [
      "the same name twice, ignoring case",
      [moisture, { ...moisture, name: "MOISTURE", max: "15" }],
      "1.name",
      '"MOISTURE" is listed twice',
    ],
  ])("refuses %s, naming the field", (_, parameters, field, message) => {
    expect(issues(qualityParametersSchema.safeParse(parameters))).toEqual([{ field, message }]);
  });

  it(`allows min equal to max, and at most ${MAX_QUALITY_PARAMETERS} parameters`, () => {
    expect(qualityParametersSchema.safeParse([{ ...moisture, min: "14.5" }]).success).toBe(true);
    const many = (count: number) =>
      Array.from({ length: count }, (_, index) => ({ ...moisture, name: `Parameter ${index}` }));
    expect(qualityParametersSchema.safeParse(many(MAX_QUALITY_PARAMETERS)).success).toBe(true);
    expect(issues(qualityParametersSchema.safeParse(many(MAX_QUALITY_PARAMETERS + 1)))).toEqual([
      { field: "", message: `must list at most ${MAX_QUALITY_PARAMETERS} parameters` },
    ]);
  });

  it("names the field within the lot input, e.g. qualityParameters.1.name", () => {
    const lot = {
      title: "Milling wheat",
      commodity: "Wheat",
      volume: "500",
      unit: "t",
      minBidVolume: "50",
      currency: "EUR",
      deliveryLocation: "Hamburg",
      incoterm: "DAP",
      deliveryStart: "2027-09-01",
      deliveryEnd: "2027-09-30",
      biddingDeadline: "2027-08-15T12:00:00Z",
      paymentTerms: "30 days",
    };
    expect(lotInputSchema.parse(lot)).not.toHaveProperty("tolerance");
    const duplicated = { ...lot, qualityParameters: [moisture, { ...moisture, name: "moisture" }] };
    expect(issues(lotInputSchema.safeParse(duplicated)).map((issue) => issue.field)).toEqual([
      "qualityParameters.1.name",
    ]);
    const tooWide = { ...lot, tolerance: { percent: "25", option: "seller", beyond: "refuse" } };
    expect(issues(lotInputSchema.safeParse(tooWide)).map((issue) => issue.field)).toEqual(["tolerance.percent"]);
  });
});
