import { Writable } from "node:stream";
import type { Lot } from "@lotbridge/contract/lot";
import { createLogger } from "@lotbridge/http/logger";
import { eq } from "drizzle-orm";
import { expect, it, onTestFinished, vi } from "vitest";
import { lots } from "@/domain/lots/lot-table";
import { publishLot } from "@/domain/lots/publish-lot";
import { buyerOrganization, draftLot, eventsAbout, PUBLIC_URL } from "@/test/lots";
import { startLotDeadlineJob } from "./lot-deadline-job";
import { portal } from "./portal";

function capturedLogger() {
  const lines: { level: number; msg: string; lots?: string[]; error?: { message: string } }[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, logger: createLogger("test", "info", stream) };
}

it("closes a lot whose deadline passes while the job runs, with lot.closed, and logs which", async () => {
  const { lines, logger } = capturedLogger();
  const mill = await buyerOrganization("Hamburg Mill");
  const draft = await draftLot(mill, { biddingDeadline: new Date(Date.now() + 1500).toISOString() });
  await publishLot(portal().db, draft.id, { actor: mill, publicUrl: PUBLIC_URL });

  const job = startLotDeadlineJob({ intervalMs: 200, logger });
  try {
    await vi.waitFor(
      async () => {
        const [row] = await portal().db.select().from(lots).where(eq(lots.id, draft.id));
        expect(row.status).toBe("closed");
      },
      { timeout: 5000, interval: 100 },
    );
  } finally {
    await job.stop();
  }
  expect((await eventsAbout(draft.id)).map(([type]) => type)).toEqual(["lot.published", "lot.closed"]);
  expect(lines.find((line) => line.msg.includes("lots closed"))?.lots).toEqual([draft.number]);
});

it("logs a failed run as a warning, tries again at the next interval, and never runs twice at once", async () => {
  // Fake timers: every interval this test lets pass has really ticked, however slow the machine, so "no run
  // happened" is checked against ticks that did fire (two or three during each run, fifty after stopping).
  vi.useFakeTimers();
  onTestFinished(() => {
    vi.useRealTimers();
  });
  const { lines, logger } = capturedLogger();
  let concurrent = 0;
  let most = 0;
  const run = vi.fn(async (): Promise<Lot[]> => {
    most = Math.max(most, ++concurrent);
    await new Promise((resolve) => setTimeout(resolve, 30));
    concurrent--;
    if (run.mock.calls.length === 1) throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
    return [];
  });
  const job = startLotDeadlineJob({ intervalMs: 10, logger, run });
  await vi.waitFor(() => expect(run.mock.calls.length).toBeGreaterThanOrEqual(3));
  // Stopping waits for the run in progress, which takes its 30 (fake) ms.
  const stopping = job.stop();
  await vi.advanceTimersByTimeAsync(30);
  await stopping;
  const calls = run.mock.calls.length;
  await vi.advanceTimersByTimeAsync(50 * 10);
  expect(run).toHaveBeenCalledTimes(calls);
  expect(most).toBe(1);
  const warning = lines.find((line) => line.level === 40);
  expect(warning?.msg).toMatch(/closing lots at their deadline failed/);
  expect(warning?.error?.message).toContain("ECONNREFUSED");
});
