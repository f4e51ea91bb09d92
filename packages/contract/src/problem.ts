import { z } from "zod";

/** RFC 9457 problem details, as every error of both portals' APIs is answered. */
export const problemSchema = z
  .object({
    type: z.string().describe("Stable identifier of the kind of problem, e.g. urn:lotbridge:problem:validation"),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().describe("What went wrong and what to do about it, for a person"),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Problem" });

export type Problem = z.infer<typeof problemSchema>;
export type FieldError = { field: string; message: string };

export function problemType(code: string): string {
  return `urn:lotbridge:problem:${code}`;
}

/**
 * A refusal the domain explains to the caller: a stable code, an HTTP status and a sentence a person can act on.
 * Domain code throws these; route handlers turn them into problem+json without knowing the cases.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what: string) => new DomainError("not-found", 404, `${what} was not found.`);
export const unauthenticated = () =>
  new DomainError("unauthenticated", 401, "Sign in first: this needs a valid session or API key.");
export const forbidden = (why: string) => new DomainError("forbidden", 403, why);
