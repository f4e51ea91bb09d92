import { z } from "zod";
import { fieldError } from "./field-error";

/** The object's version: it grows by one on every change, so a receiver keeps only the newest snapshot. */
export function snapshotVersion() {
  return z
    .number({ error: fieldError("must be a whole number of at least 1") })
    .int({ error: "must be a whole number of at least 1" })
    .min(1, { error: "must be a whole number of at least 1" })
    .max(2_147_483_647, { error: "must fit a 32-bit integer" })
    .describe("Grows by one on every change; apply a snapshot only if its version is newer than the one you hold");
}
