import { beyondToleranceRules, type QualityParameter, toleranceOptions } from "@lotbridge/contract/delivery-terms";
import { jsonb, numeric, text } from "drizzle-orm/pg-core";

/**
 * The delivery terms a lot carries and its contracts copy at acceptance: the tolerance and the structured quality
 * parameters. Rows from before these terms existed read as ±0 % and no parameters.
 */
export const deliveryTermColumns = () => ({
  tolerancePercent: numeric("tolerance_percent", { precision: 4, scale: 2 }).notNull().default("0"),
  toleranceOption: text("tolerance_option", { enum: toleranceOptions }).notNull().default("seller"),
  toleranceBeyond: text("tolerance_beyond", { enum: beyondToleranceRules }).notNull().default("refuse"),
  qualityParameters: jsonb("quality_parameters").$type<QualityParameter[]>().notNull().default([]),
});
