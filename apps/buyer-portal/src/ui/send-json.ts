import type { FieldErrors } from "./form-field";

export type Answer<T> = { ok: true; body: T } | { ok: false; detail: string; fieldErrors: FieldErrors };

/**
 * Sends a JSON body to the portal's API and reads the answer: the body on success, otherwise the problem's sentence and
 * its field errors (RFC 9457), or a sentence saying the portal could not be reached.
 */
export async function sendJson<T>(url: string, method: "POST" | "PUT", body: unknown): Promise<Answer<T>> {
  const response = await fetch(url, {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  }).catch(() => null);
  if (!response)
    return { ok: false, detail: "The portal is unreachable; nothing changed. Try again.", fieldErrors: {} };
  const answer = await response.json().catch(() => ({}));
  if (response.ok) return { ok: true, body: answer as T };
  const fieldErrors: FieldErrors = {};
  for (const error of (answer.errors ?? []) as { field: string; message: string }[]) {
    fieldErrors[error.field] ??= error.message;
  }
  return { ok: false, detail: String(answer.detail ?? "Nothing changed."), fieldErrors };
}
