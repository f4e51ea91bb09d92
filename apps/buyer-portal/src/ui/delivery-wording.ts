import type { DiscountKind, TicketDecision } from "@lotbridge/contract/delivery";
import { formatDecimal } from "@lotbridge/format/format-decimal";
import { formatQualityRange, formatTolerance } from "@lotbridge/format/format-delivery-terms";
import { formatMoney } from "@lotbridge/format/format-money";

// How the delivery terms and a ticket's outcome read on the buyer's pages, one wording for the server-rendered terms
// and the delivery section that renders again in the browser.

/** "±5 % at seller's option; beyond tolerance refused": one wording on every page of both portals. */
export const describeTolerance = formatTolerance;

/** A measured value with its unit: "11.9 %", "78 kg/hl", "320 s". */
export const describeValue = (value: string, unit: string) => `${formatDecimal(value)} ${unit}`;

/** The range of a parameter in words: "at least 12.5 %", "at most 14.5 %", "12.5 – 14.5 %". */
export const describeRange = formatQualityRange;

export const DECISION_LABEL: Record<TicketDecision, string> = {
  accept: "Accepted",
  accept_with_discount: "Accepted with discount",
  reject: "Rejected",
};

/** The discount's terms as agreed on the ticket: "EUR 5.00 / t off the price" or "2 % of the load's value". */
export function describeDiscountTerms(
  kind: DiscountKind | null,
  amount: string | null,
  currency: string,
  unit: string,
): string {
  if (kind === null || amount === null) return "";
  return kind === "per_unit"
    ? `${formatMoney(amount, currency)} / ${unit} off the price`
    : `${formatDecimal(amount)} % of the load's value`;
}
