/**
 * Calls that ask for the same key while a call for it is running share that call's answer instead of making their
 * own; a call that starts after it settled makes a new one. Nothing is kept: the answer is never older than the call.
 */
export function shareInFlight<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const running = new Map<string, Promise<T>>();
  return (key) => {
    const shared = running.get(key);
    if (shared) return shared;
    const call = load(key).finally(() => running.delete(key));
    running.set(key, call);
    return call;
  };
}
