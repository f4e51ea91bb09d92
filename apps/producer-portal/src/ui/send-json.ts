/** How a call to the portal's own API ended: done, refused (with the problem's sentence and field errors) or unsent. */
export type Sent<T> =
  | { ok: true; body: T }
  | { ok: false; detail: string; fields: Record<string, string>; retryable: boolean };

/**
 * One JSON call to the portal's API that never throws: a refusal brings its problem+json detail and field errors, a
 * network failure a sentence that says trying again may help, so a form always leaves its sending state.
 */
export async function sendJson<T>(url: string, method: string, body?: unknown): Promise<Sent<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return {
      ok: false,
      detail: "The portal could not be reached; check your connection and try again.",
      fields: {},
      retryable: true,
    };
  }
  const answer = await response.json().catch(() => ({}));
  if (response.ok) return { ok: true, body: answer as T };
  const fields: Record<string, string> = {};
  for (const error of (answer.errors ?? []) as { field: string; message: string }[])
    fields[error.field] ??= error.message;
  return {
    ok: false,
    detail: typeof answer.detail === "string" ? answer.detail : `The portal refused this (HTTP ${response.status}).`,
    fields,
    retryable: response.status >= 500,
  };
}
