import { type FieldError, type Problem, problemType } from "@lotbridge/contract/problem";

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthenticated",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  413: "Payload too large",
  415: "Unsupported media type",
  422: "Validation failed",
  429: "Too many requests",
  500: "Internal error",
  503: "Service unavailable",
};

export function problemResponse(
  status: number,
  code: string,
  detail: string,
  extra: { errors?: FieldError[]; requestId?: string; headers?: HeadersInit } = {},
): Response {
  const body: Problem = {
    type: problemType(code),
    title: TITLES[status] ?? "Error",
    status,
    detail,
    ...(extra.requestId ? { requestId: extra.requestId } : {}),
    ...(extra.errors?.length ? { errors: extra.errors } : {}),
  };
  const headers = new Headers(extra.headers);
  headers.set("content-type", "application/problem+json");
  return new Response(JSON.stringify(body), { status, headers });
}
