import { mkdirSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * A lock held while `next build` runs in a working copy, so that `npm start`, the browser suite and a bench never
 * build the same app at once (Next.js refuses a second build, and a build under a running server breaks it). A
 * directory made atomically is the lock; one older than any build was left by a killed run and is taken over.
 */
const STALE_MS = 15 * 60_000;

/** Where the lock of the working copy at `root` lives. */
export const buildLockPath = (root: string) => join(root, ".data", "build-portals.lock");

function tryTake(path: string): boolean {
  mkdirSync(dirname(path), { recursive: true });
  try {
    mkdirSync(path);
    return true;
  } catch {
    let age = 0;
    try {
      age = Date.now() - statSync(path).mtimeMs;
    } catch {}
    if (age > STALE_MS) rmSync(path, { recursive: true, force: true });
    return false;
  }
}

const release = (path: string) => () => rmSync(path, { recursive: true, force: true });
const WAITING = "Waiting for another run's build of the portals to finish…";

/** Waits (without blocking the event loop) until the lock is ours; returns its release. */
export async function takeBuildLock(path: string, say: (line: string) => void): Promise<() => void> {
  for (let waited = 0; !tryTake(path); waited++) {
    if (waited % 30 === 0) say(WAITING);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return release(path);
}

/** The same for synchronous callers (the browser suite's global setup). */
export function takeBuildLockSync(path: string, say: (line: string) => void): () => void {
  for (let waited = 0; !tryTake(path); waited++) {
    if (waited % 30 === 0) say(WAITING);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
  }
  return release(path);
}
