import { Writable } from "node:stream";
import type { Contract } from "@lotbridge/contract/contract";
import { createLogger } from "@lotbridge/http/logger";
import { signIn } from "@lotbridge/http/testing/test-client";
import { eq } from "drizzle-orm";
import { expect, it, onTestFinished, vi } from "vitest";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { contracts } from "@/domain/contracts/contract-table";
import { issueApiKey } from "@/integration/issue-api-key";
import { deliveryContract, ORIGIN } from "@/test/deliveries";
import { buyerOrganization, PASSWORD } from "@/test/lots";
import { startContractOverdueJob } from "./contract-overdue-job";
import { portal } from "./portal";

function capturedLogger() {
  const lines: { level: number; msg: string; contracts?: string[]; error?: { message: string } }[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, logger: createLogger("test", "info", stream) };
}

it("flags a contract whose delivery window ended yesterday (UTC), and logs which", async () => {
  const { lines, logger } = capturedLogger();
  const buyer = await buyerOrganization("Job Mill");
  const platformKey = (
    await issueApiKey(portal().db, {
      name: "producers",
      platform: "producer-portal",
      scopes: ["bids:write", "contracts:write"],
    })
  ).key;
  const buyerCookie = await signIn(auth, ORIGIN, `member@${buyer.slug}.example`, PASSWORD);
  const row = await deliveryContract({ buyer, buyerCookie, platformKey }, "porg_overdue_job");
  // The window as if the contract had been running for a while: it ended on yesterday's UTC date.
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await portal().db.update(contracts).set({ deliveryEnd: yesterday }).where(eq(contracts.id, row.id));

  const job = startContractOverdueJob({ intervalMs: 200, logger });
  try {
    await vi.waitFor(
      async () => {
        const [flagged] = await portal().db.select().from(contracts).where(eq(contracts.id, row.id));
        expect(flagged.overdueSince).not.toBeNull();
      },
      { timeout: 5000, interval: 100 },
    );
  } finally {
    await job.stop();
  }
  expect(lines.find((line) => line.msg.includes("flagged overdue"))?.contracts).toEqual([row.number]);
});

it("logs a failed run as a warning, tries again at the next interval, and never runs twice at once", async () => {
  // Fake timers, as in the lot deadline job's test: every interval let pass has really ticked.
  vi.useFakeTimers();
  onTestFinished(() => {
    vi.useRealTimers();
  });
  const { lines, logger } = capturedLogger();
  let concurrent = 0;
  let most = 0;
  const run = vi.fn(async (): Promise<Contract[]> => {
    most = Math.max(most, ++concurrent);
    await new Promise((resolve) => setTimeout(resolve, 30));
    concurrent--;
    if (run.mock.calls.length === 1) throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
    return [];
  });
  const job = startContractOverdueJob({ intervalMs: 10, logger, run });
  await vi.waitFor(() => expect(run.mock.calls.length).toBeGreaterThanOrEqual(3));
  const stopping = job.stop();
  await vi.advanceTimersByTimeAsync(30);
  await stopping;
  const calls = run.mock.calls.length;
  await vi.advanceTimersByTimeAsync(50 * 10);
  expect(run).toHaveBeenCalledTimes(calls);
  expect(most).toBe(1);
  const warning = lines.find((line) => line.level === 40);
  expect(warning?.msg).toMatch(/flagging overdue contracts failed/);
  expect(warning?.error?.message).toContain("ECONNREFUSED");
});
