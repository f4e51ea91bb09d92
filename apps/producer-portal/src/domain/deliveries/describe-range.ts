import { formatQualityRange } from "@lotbridge/format/format-delivery-terms";

/** The range a quality parameter allows, as both portals write it: "at least 12.5 %", "at most 14.5 %". */
export const describeRange = formatQualityRange;
