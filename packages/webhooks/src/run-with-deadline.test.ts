import { describe, expect, it, vi } from "vitest";
import { keepCollectingGarbage } from "./keep-collecting-garbage";
import { runWithDeadline } from "./run-with-deadline";

const abortOf = (signal: AbortSignal) =>
  new Promise<unknown>((resolve) => signal.addEventListener("abort", () => resolve(signal.reason)));

describe("runWithDeadline", () => {
  it("aborts at the deadline with a TimeoutError while garbage is collected all along", async () => {
    const stopCollecting = keepCollectingGarbage();
    const started = performance.now();
    try {
      // Holds the signal only weakly, as AbortSignal.any holds its sources: nothing but the deadline keeps it alive.
      const reason = await runWithDeadline(500, undefined, (signal) => abortOf(AbortSignal.any([signal])));
      expect(reason).toMatchObject({ name: "TimeoutError" });
    } finally {
      stopCollecting();
    }
    expect(performance.now() - started).toBeGreaterThanOrEqual(490);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("aborts as soon as the caller's signal does, with its reason", async () => {
    const caller = new AbortController();
    const running = runWithDeadline(60_000, caller.signal, abortOf);
    caller.abort(new Error("the lease ran out"));
    expect(await running).toEqual(new Error("the lease ran out"));

    expect(await runWithDeadline(60_000, AbortSignal.abort("gone"), async (signal) => signal.reason)).toBe("gone");
  });

  it("clears the deadline once the work is done, and passes its failure on", async () => {
    // The deadline is a timer and nothing else: fake timers run it past its time at once, however slow the machine.
    vi.useFakeTimers();
    try {
      const signals: AbortSignal[] = [];
      const answer = await runWithDeadline(50, undefined, async (signal) => {
        signals.push(signal);
        return "answered";
      });
      expect(answer).toBe("answered");
      expect(vi.getTimerCount()).toBe(0);
      vi.advanceTimersByTime(100);
      expect(signals[0].aborted).toBe(false);

      const failing = runWithDeadline(50, undefined, (signal) => {
        signals.push(signal);
        return Promise.reject(new Error("refused"));
      });
      await expect(failing).rejects.toThrow("refused");
      expect(vi.getTimerCount()).toBe(0);
      vi.advanceTimersByTime(100);
      expect(signals[1].aborted).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
