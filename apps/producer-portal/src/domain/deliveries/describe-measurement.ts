import type { Measurement } from "@lotbridge/contract/delivery";
import { formatDecimal } from "@lotbridge/format/format-decimal";

/** "Moisture 15.2 % (at most 14.5 %)": a measured value against its range, as people write both. */
export function describeMeasurement(m: Measurement): string {
  const value = (v: string) => `${formatDecimal(v)} ${m.unit}`;
  const range =
    m.min !== null && m.max !== null
      ? `${formatDecimal(m.min)}–${value(m.max)}`
      : m.min !== null
        ? `at least ${value(m.min)}`
        : `at most ${value(m.max ?? "0")}`;
  return `${m.name} ${value(m.value)} (${range})`;
}
