import type { Measurement } from "@lotbridge/contract/delivery";
import { formatDecimal } from "@lotbridge/format/format-decimal";
import { describeRange } from "./describe-range";

/** "Moisture 15.2 % (at most 14.5 %)": a measured value against its parameter's range, as people write both. */
export function describeMeasurement(m: Measurement): string {
  return `${m.name} ${formatDecimal(m.value)} ${m.unit} (${describeRange(m)})`;
}
