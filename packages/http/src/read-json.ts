import { DomainError, type FieldError } from "@lotbridge/contract/problem";
import type { z } from "zod";
import { parseMediaType } from "./parse-media-type";
import { readBodyText } from "./read-body-text";

export const MAX_BODY_BYTES = 1_000_000;

/**
 * Reads a JSON body and validates it, or throws a DomainError naming every offending field. `maxBytes` raises the
 * limit for a route whose callers should hear which field is too long rather than a bare "too large".
 */
export async function readJson<S extends z.ZodType>(
  request: Request,
  schema: S,
  { maxBytes = MAX_BODY_BYTES }: { maxBytes?: number } = {},
): Promise<z.infer<S>> {
  refuseOtherMediaTypes(request.headers.get("content-type"));
  const text = await readBodyText(request, maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DomainError("malformed-json", 400, "The body is not valid JSON.");
  }
  return validate(schema, value);
}

/**
 * Exactly `application/json`, optionally with `charset=utf-8`: a browser can send any other type (text/plain, a form)
 * across origins without asking first, so a body that merely mentions JSON in its Content-Type is not read.
 */
function refuseOtherMediaTypes(contentType: string | null) {
  const type = contentType === null ? undefined : parseMediaType(contentType);
  const charset = type?.parameters.get("charset")?.toLowerCase();
  const onlyCharset = type !== undefined && [...type.parameters.keys()].every((name) => name === "charset");
  if (type?.essence === "application/json" && onlyCharset && (charset === undefined || charset === "utf-8")) return;
  const sent = contentType === null ? "no Content-Type" : `Content-Type ${JSON.stringify(contentType.slice(0, 100))}`;
  throw new DomainError(
    "unsupported-media-type",
    415,
    `Send the body as JSON with Content-Type: application/json (optionally ; charset=utf-8); this request had ${sent}.`,
  );
}

export function validate<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors: FieldError[] = result.error.issues.map((issue) => ({
    field: issue.path.join(".") || "(body)",
    message: issue.message,
  }));
  const first = errors[0];
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
  throw new DomainError("validation", 422, `${first.field}: ${first.message}${more}`, errors);
}

/** Like readJson, for a body that may be left out: no body reads as `{}`. */
export function readOptionalJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  if (request.body === null || request.headers.get("content-length") === "0")
    return Promise.resolve(validate(schema, {}));
  return readJson(request, schema);
}
