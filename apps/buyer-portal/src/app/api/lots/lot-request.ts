import { lotStatuses } from "@lotbridge/contract/lot";
import { DomainError } from "@lotbridge/contract/problem";
import { z } from "zod";

/**
 * Lot bodies may be far larger than any valid lot (16 MB; a valid one is under 100 kB) so that an oversized field —
 * a 10 MB description — is answered by the schema, naming the field, not by a bare "too large". Only a signed-in
 * buyer's request gets this far.
 */
export const LOT_BODY_LIMIT = 16_000_000;

export const lotListFilterSchema = z.object({
  status: z.enum(lotStatuses, { error: `must be one of ${lotStatuses.join(", ")}` }).optional(),
});

/** The version an editor opened, from `If-Match: "<version>"`; none when the header is absent. */
export function ifMatchVersion(request: Request): number | undefined {
  const header = request.headers.get("if-match");
  if (header === null) return undefined;
  const version = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header)?.[1];
  if (!version) {
    throw new DomainError("bad-if-match", 400, 'If-Match must name the lot version you edited, like "3".');
  }
  return Number(version);
}

/** Lets an editor send back the version it read, as If-Match. */
export const versionTag = (lot: { version: number }) => ({ etag: `"${lot.version}"` });
