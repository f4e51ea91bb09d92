import { z } from "zod";
import { fieldError } from "./field-error";

/** An id whose prefix names what it identifies (`lot_…`, `bid_…`, `ofr_…`, `ct_…`, `evt_…`). */
export function prefixedId(prefix: string) {
  return z
    .string({ error: fieldError(`must be an id starting with ${prefix}_`) })
    .regex(new RegExp(`^${prefix}_[A-Za-z0-9]+$`), {
      error: `must be an id starting with ${prefix}_`,
    });
}
