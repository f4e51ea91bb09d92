/** One sentence for the delivery log about a request that got no answer. */
export function describeFetchError(error: unknown, timeoutMs: number): string {
  if (!(error instanceof Error)) return `The request failed: ${String(error)}`;
  if (error.name === "TimeoutError") return `No answer within ${timeoutMs / 1000} s.`;
  if (error.name === "AbortError") return "The send was abandoned before an answer came.";
  // fetch hides the reason (refused, reset, unknown host) in `cause`.
  const cause = (error as { cause?: { message?: string; code?: string } }).cause;
  const reason = cause?.message || cause?.code || error.message;
  return `Could not reach the destination: ${reason}`;
}
