/** The API's refusals by field name, first message each, written as a sentence. */
export type FieldErrors = Record<string, string>;

/**
 * How a request to the portal's own API ended. `refused`: the portal answered with an error (usually RFC 9457
 * problem+json); `unreachable`: no answer came (network cut, portal down, no answer in time), so trying again may help.
 */
export type Submitted<T> =
  | { ok: true; status: number; body: T }
  | { ok: false; kind: "refused"; status: number; detail: string; fieldErrors: FieldErrors; retryable: boolean }
  | { ok: false; kind: "unreachable"; detail: string; fieldErrors: FieldErrors; retryable: true };

export interface JsonCall {
  url: string;
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Sent as JSON; left out, the request has no body. */
  body?: unknown;
  headers?: Record<string, string>;
  /** How long to wait for an answer before calling the portal unreachable; 30 s by default. */
  timeoutMs?: number;
}

export const UNREACHABLE =
  "The portal could not be reached, so we cannot tell whether this went through. Check your connection, then try again.";

/** "must be at most 500" → "Must be at most 500.": the API's message as a sentence beside its field. */
const sentence = (message: string) =>
  `${message.charAt(0).toUpperCase()}${message.slice(1)}${/[.!?]$/.test(message) ? "" : "."}`;

/**
 * Sends one request to the portal's API and reads the answer. It never throws: every outcome, including a network
 * failure, comes back as a value, so a form can always leave its sending state.
 */
export async function submitJson<T = unknown>(call: JsonCall): Promise<Submitted<T>> {
  const headers: Record<string, string> = { accept: "application/json, application/problem+json", ...call.headers };
  if (call.body !== undefined) headers["content-type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(call.url, {
      method: call.method ?? "POST",
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal: AbortSignal.timeout(call.timeoutMs ?? 30_000),
    });
  } catch {
    return { ok: false, kind: "unreachable", detail: UNREACHABLE, fieldErrors: {}, retryable: true };
  }
  let answer: Record<string, unknown> = {};
  try {
    const text = await response.text();
    answer = text ? JSON.parse(text) : {};
  } catch {
    // Not JSON (a proxy's error page, say): the status still tells what happened.
    answer = {};
  }
  if (response.ok) return { ok: true, status: response.status, body: answer as T };
  const fieldErrors: FieldErrors = {};
  const errors = Array.isArray(answer.errors) ? (answer.errors as { field?: unknown; message?: unknown }[]) : [];
  for (const error of errors) {
    if (typeof error.field === "string" && typeof error.message === "string") {
      fieldErrors[error.field] ??= sentence(error.message);
    }
  }
  const detail =
    typeof answer.detail === "string" && answer.detail
      ? answer.detail
      : typeof answer.title === "string" && answer.title
        ? answer.title
        : `The portal refused this (HTTP ${response.status}); nothing changed.`;
  // A portal that is restarting or overloaded may take the same request in a moment; a refusal of the input will not.
  const retryable = response.status >= 500 || response.status === 429;
  return { ok: false, kind: "refused", status: response.status, detail, fieldErrors, retryable };
}
