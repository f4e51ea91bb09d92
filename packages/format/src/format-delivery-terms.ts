import { formatDecimal } from "./format-decimal";

/** A contract's or lot's delivery tolerance, as both portals write it: "±5 % at seller's option; beyond tolerance refused". */
export function formatTolerance(tolerance: {
  percent: string;
  option: "seller" | "buyer";
  beyond: "refuse" | "flag";
}): string {
  const beyond = tolerance.beyond === "refuse" ? "refused" : "accepted and flagged";
  return `±${formatDecimal(tolerance.percent)} % at ${tolerance.option}'s option; beyond tolerance ${beyond}`;
}

/** The range a quality parameter allows: "at least 12.5 %", "at most 14.5 %", "12.5 – 14.5 %". */
export function formatQualityRange({
  min,
  max,
  unit,
}: {
  min: string | null;
  max: string | null;
  unit: string;
}): string {
  if (min !== null && max !== null) return `${formatDecimal(min)} – ${formatDecimal(max)} ${unit}`;
  if (min !== null) return `at least ${formatDecimal(min)} ${unit}`;
  if (max !== null) return `at most ${formatDecimal(max)} ${unit}`;
  return "any value";
}
