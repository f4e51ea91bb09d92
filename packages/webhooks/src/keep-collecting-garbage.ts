import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * For tests of timeouts: keeps the process busy making garbage and forces full garbage collections, every few
 * milliseconds until the returned function is called. An object only weakly held (a timeout signal nobody keeps, say)
 * is then collected within milliseconds instead of whenever the heap happens to fill up.
 *
 * Uses `gc()` when the process runs with --expose-gc, else turns the flag on and takes `gc` from a fresh context.
 * Throws rather than run without it: a timeout test that collects nothing passes whatever the code does.
 */
export function keepCollectingGarbage(everyMs = 20): () => void {
  const gc = exposedGc();
  let kept: unknown[] = [];
  const timer = setInterval(() => {
    // Other work: short-lived objects and a few milliseconds of a busy event loop.
    const until = performance.now() + 3;
    kept = [];
    while (performance.now() < until) kept.push({ at: performance.now(), text: "x".repeat(64) });
    gc();
  }, everyMs);
  return () => {
    clearInterval(timer);
    kept = [];
  };
}

function exposedGc(): () => void {
  const fromFlag = (globalThis as { gc?: unknown }).gc;
  if (typeof fromFlag === "function") return fromFlag as () => void;
  setFlagsFromString("--expose-gc");
  const gc: unknown = runInNewContext("gc");
  if (typeof gc !== "function") throw new Error("Garbage collection cannot be forced here: run node with --expose-gc.");
  return gc as () => void;
}
