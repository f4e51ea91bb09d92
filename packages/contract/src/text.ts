import { z } from "zod";
import { fieldError } from "./field-error";

/** Free text a person must fill in: trimmed, not blank, bounded. */
export function requiredText(max: number) {
  return z
    .string({ error: fieldError("must be text") })
    .trim()
    .min(1, { error: "is required" })
    .max(max, { error: `must be at most ${max} characters` });
}

/** Free text a person may leave out; missing means empty. */
export function optionalText(max: number) {
  return z
    .string({ error: fieldError("must be text") })
    .trim()
    .max(max, { error: `must be at most ${max} characters` })
    .default("");
}
