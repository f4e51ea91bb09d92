import { formatDate } from "@lotbridge/format/format-date";
import { formatDecimal } from "@lotbridge/format/format-decimal";

export interface FilterValues {
  q?: string | null;
  commodity?: string | null;
  location?: string | null;
  deliveryFrom?: string | null;
  deliveryTo?: string | null;
  minVolume?: string | null;
  maxVolume?: string | null;
}

/** The marketplace filters in words: "words “malting barley”, commodity Barley, volume at least 100"; or "every lot". */
export function describeFilters(filters: FilterValues): string {
  const parts: string[] = [];
  if (filters.q) parts.push(`words “${filters.q}”`);
  if (filters.commodity) parts.push(`commodity ${filters.commodity}`);
  if (filters.location) parts.push(`delivered to “${filters.location}”`);
  if (filters.deliveryFrom && filters.deliveryTo) {
    parts.push(`delivery between ${formatDate(filters.deliveryFrom)} and ${formatDate(filters.deliveryTo)}`);
  } else if (filters.deliveryFrom) {
    parts.push(`delivery on or after ${formatDate(filters.deliveryFrom)}`);
  } else if (filters.deliveryTo) {
    parts.push(`delivery on or before ${formatDate(filters.deliveryTo)}`);
  }
  if (filters.minVolume && filters.maxVolume) {
    parts.push(`volume ${formatDecimal(filters.minVolume)} to ${formatDecimal(filters.maxVolume)}`);
  } else if (filters.minVolume) {
    parts.push(`volume at least ${formatDecimal(filters.minVolume)}`);
  } else if (filters.maxVolume) {
    parts.push(`volume at most ${formatDecimal(filters.maxVolume)}`);
  }
  return parts.length === 0 ? "every lot" : parts.join(", ");
}
