import type { FilterValues } from "./describe-filters";

const KEYS = ["q", "commodity", "location", "deliveryFrom", "deliveryTo", "minVolume", "maxVolume"] as const;

/** The marketplace address that shows what the filters find now; only the filters, nothing else of `filters`. */
export function marketplaceLink(filters: FilterValues): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `/?${query}#marketplace` : "/#marketplace";
}
