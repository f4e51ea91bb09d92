import { Writable } from "node:stream";
import { createLogger } from "@lotbridge/http/logger";
import { expect, it, vi } from "vitest";
import { startReconciliationJob } from "./reconciliation-job";

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
    .mockResolvedValue({ pages: 1, applied: 1, ignored: 0, duplicates: 0, cursor: "1" });

  const job = startReconciliationJob({ run, intervalMs: 20, logger });
  await vi.waitFor(() => expect(run.mock.calls.length).toBeGreaterThanOrEqual(2));
  await job.stop();
  const calls = run.mock.calls.length;
  await new Promise((resolve) => setTimeout(resolve, 60));

  expect(run).toHaveBeenCalledTimes(calls);
  const warning = lines.find((line) => line.level === 40);
  expect(warning?.msg).toMatch(/reconciliation with the buyer portal failed/);
  expect(warning?.error?.message).toContain("ECONNREFUSED");
  expect(warning?.error?.stack ?? "").toBe("");
});

it("never starts a run while the previous one is still going", async () => {
  const { logger } = capturedLogger();
  let concurrent = 0;
  let most = 0;
  const run = vi.fn(async () => {
    most = Math.max(most, ++concurrent);
    await new Promise((resolve) => setTimeout(resolve, 50));
    concurrent--;
    return { pages: 0, applied: 0, ignored: 0, duplicates: 0, cursor: null };
  });
  const job = startReconciliationJob({ run, intervalMs: 10, logger });
  await new Promise((resolve) => setTimeout(resolve, 120));
  await job.stop();
  expect(most).toBe(1);
});
