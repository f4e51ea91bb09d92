import { addDecimals, compareDecimals, lineTotal, multiplyDecimals, roundDecimal, subtractDecimals } from "./decimal";
import type { DiscountKind, Ledger, Measurement, TicketDecision } from "./delivery";
import type { QualityParameter, Tolerance } from "./delivery-terms";

/** The contract terms the ledger is computed from. */
export interface LedgerTerms {
  volume: string;
  pricePerUnit: string;
  tolerance: Tolerance;
}

/** What a ticket's version says, before it is valued. */
export interface TicketFacts {
  netWeight: string;
  decision: TicketDecision;
  discountKind: DiscountKind | null;
  discountAmount: string | null;
  outOfSpec: boolean;
}

export interface TicketValue {
  acceptedQuantity: string;
  discount: string;
  value: string;
}

/** net = gross − tare, exact (the schema has already made sure tare < gross). */
export const netWeightOf = (gross: string, tare: string): string => subtractDecimals(gross, tare);

/** What one load is worth under the contract: accepted quantity × price, less its discount, in cents. */
export function valueTicket(terms: LedgerTerms, ticket: TicketFacts): TicketValue {
  if (ticket.decision === "reject") return { acceptedQuantity: "0.000", discount: "0.00", value: "0.00" };
  const acceptedQuantity = roundDecimal(ticket.netWeight, 3);
  const exact = multiplyDecimals(acceptedQuantity, terms.pricePerUnit);
  let discount = "0.00";
  if (ticket.decision === "accept_with_discount" && ticket.discountAmount !== null) {
    discount =
      ticket.discountKind === "percent"
        ? roundDecimal(multiplyDecimals(exact, multiplyDecimals(ticket.discountAmount, "0.01")), 2)
        : lineTotal(acceptedQuantity, ticket.discountAmount);
  }
  const gross = roundDecimal(exact, 2);
  // A per-unit discount is at most the price (checked where it is recorded), so the value is never negative.
  const value = compareDecimals(discount, gross) > 0 ? "0.00" : roundDecimal(subtractDecimals(gross, discount), 2);
  return { acceptedQuantity, discount, value };
}

/** The bounds of the tolerance in the contract's unit, rounded inwards to the volume's 3 decimals. */
export function toleranceBounds(terms: Pick<LedgerTerms, "volume" | "tolerance">): {
  minimum: string;
  maximum: string;
} {
  const share = multiplyDecimals(terms.volume, multiplyDecimals(terms.tolerance.percent, "0.01"));
  return {
    minimum: ceilTo3(subtractDecimals(terms.volume, share)),
    maximum: floorTo3(addDecimals(terms.volume, share)),
  };
}

const MILLI = "0.001";
function floorTo3(value: string): string {
  const rounded = roundDecimal(value, 3);
  return compareSigned(rounded, value) > 0 ? roundDecimal(subtractDecimals(rounded, MILLI), 3) : rounded;
}
function ceilTo3(value: string): string {
  const rounded = roundDecimal(value, 3);
  return compareSigned(rounded, value) < 0 ? roundDecimal(addDecimals(rounded, MILLI), 3) : rounded;
}
const compareSigned = (a: string, b: string): number => {
  const difference = subtractDecimals(a, b);
  return difference.startsWith("-") ? -1 : /[1-9]/.test(difference) ? 1 : 0;
};

/** The ledger of a contract from the current versions of its tickets, in the order they were recorded. */
export function computeLedger(terms: LedgerTerms, tickets: (TicketFacts & TicketValue)[]): Ledger {
  const { minimum, maximum } = toleranceBounds(terms);
  let accepted = "0.000";
  let rejected = "0.000";
  let value = "0.00";
  let discounts = "0.00";
  for (const ticket of tickets) {
    accepted = addDecimals(accepted, ticket.acceptedQuantity);
    if (ticket.decision === "reject") rejected = addDecimals(rejected, roundDecimal(ticket.netWeight, 3));
    value = addDecimals(value, ticket.value);
    discounts = addDecimals(discounts, ticket.discount);
  }
  const remaining = compareDecimals(accepted, terms.volume) >= 0 ? "0.000" : subtractDecimals(terms.volume, accepted);
  return {
    volume: roundDecimal(terms.volume, 3),
    minimum,
    maximum,
    accepted: roundDecimal(accepted, 3),
    remaining: roundDecimal(remaining, 3),
    rejected: roundDecimal(rejected, 3),
    withinTolerance: compareDecimals(accepted, minimum) >= 0 && compareDecimals(accepted, maximum) <= 0,
    overTolerance: compareDecimals(accepted, maximum) > 0,
    value: roundDecimal(value, 2),
    discounts: roundDecimal(discounts, 2),
    loads: tickets.length,
    outOfSpecLoads: tickets.filter((ticket) => ticket.outOfSpec).length,
  };
}

/**
 * Each measurement against the contract's parameter of that name (ignoring case): the parameter's own spelling, its
 * range and whether the value is in it. Returns the field error instead when a name is unknown or the unit differs.
 */
export function measureQuality(
  parameters: QualityParameter[],
  measurements: { name: string; value: string; unit: string }[],
): { measurements: Measurement[] } | { field: string; message: string } {
  const seen = new Set<string>();
  const measured: Measurement[] = [];
  for (const [index, measurement] of measurements.entries()) {
    const parameter = parameters.find((p) => p.name.toLowerCase() === measurement.name.toLowerCase());
    if (!parameter) {
      const known = parameters.map((p) => p.name).join(", ") || "none";
      return {
        field: `measurements.${index}.name`,
        message: `"${measurement.name}" is not a quality parameter of this contract (its parameters: ${known})`,
      };
    }
    if (measurement.unit !== parameter.unit) {
      return {
        field: `measurements.${index}.unit`,
        message: `${parameter.name} is measured in ${parameter.unit}, not ${measurement.unit}`,
      };
    }
    if (seen.has(parameter.name)) {
      return { field: `measurements.${index}.name`, message: `${parameter.name} is measured twice` };
    }
    seen.add(parameter.name);
    const inSpec =
      (parameter.min === null || compareDecimals(measurement.value, parameter.min) >= 0) &&
      (parameter.max === null || compareDecimals(measurement.value, parameter.max) <= 0);
    measured.push({
      name: parameter.name,
      unit: parameter.unit,
      value: measurement.value,
      min: parameter.min,
      max: parameter.max,
      inSpec,
    });
  }
  return { measurements: measured };
}
