/**
 * The delivery terms' constants and the usual terms per commodity, without zod (delivery-terms.ts has the schemas and
 * re-exports all of this): the lot form and ticket form read them in the browser.
 */
import type { QualityParameter, Tolerance } from "./delivery-terms";

/** Units a quality parameter is measured in. A measurement in another unit is refused, never converted. */
export const qualityUnits = ["%", "kg/hl", "mg/kg", "ppb", "s", "count"] as const;
export type QualityUnit = (typeof qualityUnits)[number];

/** Who chooses the quantity within the tolerance: more or less at seller's option (MOLSO) or buyer's (MOLBO). */
export const toleranceOptions = ["seller", "buyer"] as const;
/** What happens to an accepted load that would take the accepted quantity past the tolerance's upper bound. */
export const beyondToleranceRules = ["refuse", "flag"] as const;

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
