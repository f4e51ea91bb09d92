/**
 * Runs one outgoing exchange, request and answer body alike, with a signal that aborts `timeoutMs` after the start or
 * as soon as the caller's `signal` does; past the deadline its reason is a TimeoutError, as from AbortSignal.timeout.
 *
 * The deadline is an ordinary timer held until `work` settles, then cleared. `AbortSignal.any([signal,
 * AbortSignal.timeout(ms)])` is not used on purpose: on Node 20 nothing holds that inner timeout signal strongly, so a
 * garbage collection can take it before it fires and the request then waits for whatever else stops it.
 */
export async function runWithDeadline<T>(
  timeoutMs: number,
  signal: AbortSignal | undefined,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException("The operation was aborted due to timeout", "TimeoutError")),
    timeoutMs,
  );
  const followCaller = () => controller.abort(signal?.reason);
  if (signal?.aborted) followCaller();
  else signal?.addEventListener("abort", followCaller, { once: true });
  try {
    return await work(controller.signal);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", followCaller);
  }
}
