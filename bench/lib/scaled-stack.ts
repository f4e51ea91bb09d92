import { type ChildProcess, spawn } from "node:child_process";
import { freePort } from "@lotbridge/db/free-port";
import { APPS } from "../../e2e/harness/build-portals";
import { PortalProcess } from "../../e2e/harness/portal-process";
import { type RoundRobin, startRoundRobin } from "./round-robin";
import { type BenchStack, startBenchStack } from "./stack";

/** Each portal as two web instances behind a round-robin plus two workers, all on one PostgreSQL. */
export interface ScaledStack {
  buyer: RoundRobin;
  producer: RoundRobin;
  /** Each portal's environment (DATABASE_URL, the secrets), shared by all its instances and workers. */
  env: BenchStack["pair"]["env"];
  apiKey: string;
  stop(): Promise<void>;
}

const INSTANCES = 2;
const WORKERS = 2;

/**
 * Both portals grown past one process the way docs/scaling.md describes: web instances with RUN_DISPATCHER=false
 * (they only answer requests) behind a loopback round-robin whose URL is each portal's PUBLIC_URL and the URL the
 * other portal calls, and separate `npm run worker` processes delivering the outbox and running the scheduled jobs.
 */
export async function startScaledStack(): Promise<ScaledStack> {
  const buyer = await startRoundRobin(await freePort());
  const producer = await startRoundRobin(await freePort());
  const stopping: (() => Promise<void>)[] = [buyer.stop, producer.stop];
  const stopAll = async () => {
    for (const stop of stopping.reverse()) await stop().catch(() => {});
  };
  try {
    // LOG_LEVEL info: PortalProcess and the workers are seen ready by their "ready"/"running" lines.
    const web = { RUN_DISPATCHER: "false", LOG_LEVEL: "info" };
    const stack = await startBenchStack({
      buyerEnv: {
        ...web,
        PUBLIC_URL: buyer.url,
        PRODUCER_DASHBOARD_WEBHOOK_URL: `${producer.url}/api/webhooks/buyer`,
        CORS_ALLOWED_ORIGINS: producer.url,
      },
      producerEnv: { ...web, PUBLIC_URL: producer.url, BUYER_PORTAL_URL: buyer.url },
    });
    stopping.push(stack.stop);
    const { pair } = stack;
    const more = await Promise.all(
      (["buyer", "producer"] as const).flatMap((app) =>
        Array.from({ length: INSTANCES - 1 }, async () => {
          const instance = new PortalProcess(app, await freePort(), pair.env[app]);
          stopping.push(() => instance.stop());
          await instance.start();
          return instance;
        }),
      ),
    );
    buyer.backends.push(pair.buyer.port, ...more.filter((i) => i.app === "buyer").map((i) => i.port));
    producer.backends.push(pair.producer.port, ...more.filter((i) => i.app === "producer").map((i) => i.port));
    await Promise.all(
      (["buyer", "producer"] as const).flatMap((app) =>
        Array.from({ length: WORKERS }, async () => {
          const worker = startWorker(app, pair.env[app]);
          stopping.push(worker.stop);
          await worker.running;
        }),
      ),
    );
    return { buyer, producer, env: pair.env, apiKey: pair.secrets.apiKey, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** `npm run worker` of one portal, as its package.json defines it, on the portal's environment. */
function startWorker(app: keyof typeof APPS, env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/server/cli.ts", "worker"], {
    cwd: APPS[app],
    env: { ...process.env, ...env, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Nothing outlives the bench, even when it fails midway.
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);
  child.once("exit", () => process.off("exit", kill));
  let log = "";
  const running = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the ${app} worker did not start:\n${log}`)), 60_000);
    const watch = (chunk: Buffer) => {
      log += chunk;
      if (log.includes("Worker running")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", watch);
    child.stderr?.on("data", watch);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the ${app} worker exited with ${code}:\n${log}`));
    });
  });
  // Keep the rejection of a worker that exits after starting from going unhandled.
  running.catch(() => {});
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
      child.once("exit", () => {
        clearTimeout(force);
        resolve();
      });
      child.kill("SIGTERM");
    });
  return { running, stop };
}
