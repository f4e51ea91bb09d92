import { spawn } from "node:child_process";
import { join } from "node:path";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { afterAll, expect, it } from "vitest";
import { answerPing } from "@/integration/answer-ping";
import { pingEvent, startFakeBuyerPortal } from "@/test/buyer-events";
import { portal } from "./portal";

const APP = join(import.meta.dirname, "..", "..");
const buyer = await startFakeBuyerPortal();
afterAll(() => buyer.close());

it("the worker delivers while the web servers do not, and on SIGTERM finishes the call in flight before exiting", async () => {
  // As `npm run worker` starts it: node itself, so that SIGTERM reaches the worker's own handler.
  const worker = spawn(process.execPath, ["--import", "tsx", "src/server/cli.ts", "worker"], {
    cwd: APP,
    env: { ...process.env, LOG_LEVEL: "info", RUN_DISPATCHER: "false", BUYER_PORTAL_URL: buyer.url },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  worker.stdout.on("data", (chunk) => (output += chunk));
  worker.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => worker.on("exit", resolve));
  await expect.poll(() => output, { timeout: 20_000 }).toContain("Worker running");

  buyer.pongDelayMs = 500;
  const ping = pingEvent();
  await portal().db.transaction((tx) => answerPing(tx, { ...ping, type: "ping" }));
  await expect
    .poll(() => buyer.requests.some((r) => r.path === "/api/integration/pongs"), { timeout: 10_000 })
    .toBe(true);
  worker.kill("SIGTERM");

  expect(await exited).toBe(0);
  expect(output).toContain("Worker stopping");
  const [message] = await portal().db.select().from(outboxMessage);
  expect(message).toMatchObject({ status: "delivered", attempts: 1, lastStatus: 201 });
});
