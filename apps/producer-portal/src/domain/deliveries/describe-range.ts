import type { QualityParameter } from "@lotbridge/contract/delivery-terms";
import { formatDecimal } from "@lotbridge/format/format-decimal";

/** The range a quality parameter allows, as people write it: "at least 12.5 %", "at most 14.5 %", "12.5 – 14.5 %". */
export function describeRange({ min, max, unit }: Pick<QualityParameter, "min" | "max" | "unit">): string {
  if (min !== null && max !== null) return `${formatDecimal(min)} – ${formatDecimal(max)} ${unit}`;
  if (min !== null) return `at least ${formatDecimal(min)} ${unit}`;
  if (max !== null) return `at most ${formatDecimal(max)} ${unit}`;
  return "any value";
}
