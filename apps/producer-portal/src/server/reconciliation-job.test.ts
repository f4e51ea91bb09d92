import { Writable } from "node:stream";
import { createLogger } from "@lotbridge/http/logger";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import type { ReconcileResult } from "../integration/reconcile-events";
import { startReconciliationJob } from "./reconciliation-job";

// Fake timers: every interval a test lets pass has really ticked, however slow the machine, so "no run happened" is
// checked against ticks that did fire.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function capturedLogger() {
  const lines: { level: number; msg: string; error?: { message: string; stack?: string } }[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, logger: createLogger("test", "info", stream) };
}

it("runs at once, logs a failed run as a warning without a stack trace, and tries again at the next interval", async () => {
  const { lines, logger } = capturedLogger();
  const run = vi
    .fn()
    .mockRejectedValueOnce(new Error("The buyer portal's events feed could not be read. connect ECONNREFUSED"))
    .mockResolvedValue({ pages: 1, applied: 1, ignored: 0, refused: 0, failed: 0, duplicates: 0, cursor: "1" });

  const job = startReconciliationJob({ run, intervalMs: 20, logger });
  await vi.waitFor(() => expect(run.mock.calls.length).toBeGreaterThanOrEqual(2));
  await job.stop();
  const calls = run.mock.calls.length;
  // Fifty intervals after stopping: every timer due by then has fired, and none ran the job.
  await vi.advanceTimersByTimeAsync(50 * 20);

  expect(run).toHaveBeenCalledTimes(calls);
  const warning = lines.find((line) => line.level === 40);
  expect(warning?.msg).toMatch(/reconciliation with the buyer portal failed/);
  expect(warning?.error?.message).toContain("ECONNREFUSED");
  expect(warning?.error?.stack ?? "").toBe("");
});

it("never starts a run while the previous one is still going", async () => {
  const { logger } = capturedLogger();
  const finishes: (() => void)[] = [];
  const run = vi.fn(
    () =>
      new Promise<ReconcileResult>((resolve) =>
        finishes.push(() =>
          resolve({ pages: 0, applied: 0, ignored: 0, refused: 0, failed: 0, duplicates: 0, cursor: null }),
        ),
      ),
  );
  const job = startReconciliationJob({ run, intervalMs: 10, logger });
  expect(run).toHaveBeenCalledTimes(1);
  // Ten intervals tick while the first run is still going: none starts another.
  await vi.advanceTimersByTimeAsync(10 * 10);
  expect(run).toHaveBeenCalledTimes(1);
  // Once it is done, the next tick starts the next run.
  finishes[0]();
  await vi.advanceTimersByTimeAsync(10);
  expect(run).toHaveBeenCalledTimes(2);
  finishes[1]();
  await job.stop();
});
