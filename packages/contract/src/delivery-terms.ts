import { z } from "zod";
import { compareDecimals, decimalString } from "./decimal";
import { fieldError } from "./field-error";
import { requiredText } from "./text";

/** Units a quality parameter is measured in. A measurement in another unit is refused, never converted. */
export const qualityUnits = ["%", "kg/hl", "mg/kg", "ppb", "s", "count"] as const;
export type QualityUnit = (typeof qualityUnits)[number];

/** A measured quality value: non-negative, up to 6 digits before the point and 3 after (e.g. "14.2", "350"). */
export const qualityValue = () =>
  decimalString(3, 6).describe('A measured value as a decimal string, e.g. "13.8"; non-negative');

const qualityUnitSchema = z.enum(qualityUnits, { error: `must be one of ${qualityUnits.join(", ")}` });

/** One structured quality parameter of a lot (and so of its contract): a name, its unit and the allowed range. */
export const qualityParameterSchema = z
  .object(
    {
      name: requiredText(60).describe('e.g. "Moisture", "Protein"; unique within the lot, ignoring case'),
      unit: qualityUnitSchema,
      min: qualityValue().nullable().default(null).describe("Lowest value in spec; null for no lower limit"),
      max: qualityValue().nullable().default(null).describe("Highest value in spec; null for no upper limit"),
    },
    { error: fieldError("must be an object with name, unit, min and max") },
  )
  .superRefine((parameter, context) => {
    if (parameter.min === null && parameter.max === null) {
      context.addIssue({ code: "custom", path: ["max"], message: "a parameter needs a min, a max or both" });
    } else if (parameter.min !== null && parameter.max !== null && compareDecimals(parameter.min, parameter.max) > 0) {
      context.addIssue({ code: "custom", path: ["min"], message: "must not be more than max" });
    }
  })
  .meta({ id: "QualityParameterInput" });

/** A quality parameter as lots and contracts answer it. */
export const qualityParameterViewSchema = z
  .object({
    name: z.string(),
    unit: z.enum(qualityUnits),
    min: qualityValue().nullable(),
    max: qualityValue().nullable(),
  })
  .meta({ id: "QualityParameter" });

export type QualityParameter = z.infer<typeof qualityParameterViewSchema>;

export const MAX_QUALITY_PARAMETERS = 20;

export const qualityParametersSchema = z
  .array(qualityParameterSchema, { error: "must be a list of quality parameters" })
  .max(MAX_QUALITY_PARAMETERS, { error: `must list at most ${MAX_QUALITY_PARAMETERS} parameters` })
  .superRefine((parameters, context) => {
    const seen = new Set<string>();
    parameters.forEach((parameter, index) => {
      const key = parameter.name.toLowerCase();
      if (seen.has(key)) {
        context.addIssue({ code: "custom", path: [index, "name"], message: `"${parameter.name}" is listed twice` });
      }
      seen.add(key);
    });
  });

/** Who chooses the quantity within the tolerance: more or less at seller's option (MOLSO) or buyer's (MOLBO). */
export const toleranceOptions = ["seller", "buyer"] as const;
/** What happens to an accepted load that would take the accepted quantity past the tolerance's upper bound. */
export const beyondToleranceRules = ["refuse", "flag"] as const;

export const MAX_TOLERANCE_PERCENT = "20";

/** The delivery tolerance: the contract is fulfilled when the accepted quantity is within volume ± percent. */
export const toleranceSchema = z
  .object(
    {
      percent: decimalString(2, 2)
        .refine((percent) => compareDecimals(percent, MAX_TOLERANCE_PERCENT) <= 0, {
          error: `must be at most ${MAX_TOLERANCE_PERCENT}`,
        })
        .describe('Plus or minus this percent of the volume, e.g. "5" for ±5 %; "0" for exactly the volume'),
      option: z
        .enum(toleranceOptions, { error: "must be seller or buyer" })
        .describe("Whose option the quantity within the tolerance is (MOLSO / MOLBO)"),
      beyond: z
        .enum(beyondToleranceRules, { error: "must be refuse or flag" })
        .describe(
          "An accepted load that would pass volume + percent: refuse (409 over-tolerance) or flag (accepted, marked)",
        ),
    },
    { error: fieldError("must be an object with percent, option and beyond") },
  )
  .meta({ id: "DeliveryTolerance" });

export type Tolerance = z.infer<typeof toleranceSchema>;

export interface DeliveryTerms {
  tolerance: Tolerance;
  qualityParameters: QualityParameter[];
}

const grain = (percent: string, parameters: [string, QualityUnit, string | null, string | null][]): DeliveryTerms => ({
  tolerance: { percent, option: "seller", beyond: "refuse" },
  qualityParameters: parameters.map(([name, unit, min, max]) => ({ name, unit, min, max })),
});

/**
 * Usual terms per commodity, matched by a word of the lot's commodity (case-insensitive). The lot form offers them and
 * the API applies them when a lot leaves the terms out; the buyer edits them per lot.
 */
export const commodityDeliveryDefaults: Record<string, DeliveryTerms> = {
  wheat: grain("5", [
    ["Moisture", "%", null, "14.5"],
    ["Protein", "%", "12.5", null],
    ["Test weight", "kg/hl", "76", null],
    ["Falling number", "s", "250", null],
  ]),
  barley: grain("5", [
    ["Moisture", "%", null, "14.5"],
    ["Test weight", "kg/hl", "62", null],
    ["Admixture", "%", null, "2"],
  ]),
  maize: grain("5", [
    ["Moisture", "%", null, "14.5"],
    ["Broken kernels", "%", null, "4"],
    ["Aflatoxin B1", "ppb", null, "5"],
  ]),
  rapeseed: grain("5", [
    ["Moisture", "%", null, "9"],
    ["Oil content", "%", "40", null],
    ["Admixture", "%", null, "2"],
  ]),
  sunflower: grain("5", [
    ["Moisture", "%", null, "9"],
    ["Oil content", "%", "44", null],
    ["Admixture", "%", null, "2"],
  ]),
  soybeans: grain("5", [
    ["Moisture", "%", null, "13"],
    ["Protein", "%", "34", null],
  ]),
};

const synonyms: Record<string, string> = { corn: "maize", canola: "rapeseed", soybean: "soybeans", soy: "soybeans" };

/** What a lot of a commodity no default knows gets: exactly the volume, and no structured parameters. */
export const noDeliveryTerms: DeliveryTerms = {
  tolerance: { percent: "0", option: "seller", beyond: "refuse" },
  qualityParameters: [],
};

/** The usual terms for a commodity ("Milling wheat" → wheat's); copies, so callers may change them. */
export function defaultDeliveryTerms(commodity: string): DeliveryTerms {
  for (const word of commodity.toLowerCase().split(/[^a-z]+/)) {
    const terms = commodityDeliveryDefaults[synonyms[word] ?? word];
    if (terms) return structuredClone(terms);
  }
  return structuredClone(noDeliveryTerms);
}
