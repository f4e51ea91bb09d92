import { z } from "zod";
import { compareDecimals, decimalString } from "./decimal";
import { qualityUnits } from "./delivery-defaults";
import { fieldError } from "./field-error";
import { requiredText } from "./text";

// The constants and defaults live in delivery-defaults.ts, which imports no zod: client components read them, and a
// browser must not construct schemas (zod probes for eval when it does, which the pages' policy reports).
export * from "./delivery-defaults";

import { beyondToleranceRules, toleranceOptions } from "./delivery-defaults";

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
