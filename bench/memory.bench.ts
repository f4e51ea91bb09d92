/**
 * Memory of the whole local stack as a newcomer runs it (`npm start`: launcher, embedded PostgreSQL, both portals as
 * production builds, demo data), idle and after a short load of each kind the other benches measure, on that same
 * stack: bids through the buyer's API (intake), marketplace and lot searches (search), lots published and their
 * webhooks delivered (dispatch), bids placed in the producer portal and confirmed by the buyer portal (latency).
 *
 * Memory is PSS (proportional set size) from /proc/<pid>/smaps_rollup, summed over the launcher's process tree by part:
 * shared pages are split between the processes sharing them, so PostgreSQL's shared buffers and the node binary's
 * code count once for the stack, not once per process as RSS would count them.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { freePort } from "@lotbridge/db/free-port";
import { buildPortals } from "../e2e/harness/build-portals";
import { eventually, sessionCookie } from "../e2e/harness/portal-pair";
import { send } from "../e2e/harness/send";
import { type LoadResult, load } from "./lib/load";
import { lotInput } from "./lib/lot-input";
import { printReport, type Row } from "./lib/report";
import type { BenchOptions } from "./run";

const ROOT = join(import.meta.dirname, "..");
const DAY = 86_400_000;
const PARTS = ["buyer portal", "producer portal", "PostgreSQL", "launcher"] as const;
type Part = (typeof PARTS)[number];

export default async function memory({ smoke }: BenchOptions): Promise<void> {
  const sizes = smoke
    ? { idleSeconds: 2, loadSeconds: 2, lots: 3, roundTrips: 2 }
    : { idleSeconds: 15, loadSeconds: 10, lots: 40, roundTrips: 30 };
  buildPortals();
  const stack = await startNpmStart();
  try {
    const rows: Row[] = [];
    const measure = (moment: string) => {
      const row = partsMiB(stack.pid);
      rows.push({ moment, ...row });
      process.stdout.write(`  ${moment}: ${row.total} MiB\n`);
    };
    await idle(sizes.idleSeconds);
    measure("idle");
    const processes = processesMiB(stack.pid);

    const apiKey = platformKey();
    const loads: Record<string, LoadResult> = {};
    loads.intake = await intake(stack.buyerUrl, apiKey, sizes.loadSeconds);
    measure("after intake");

    const piet = await sessionCookie(stack.producerUrl, "piet@greenacre.example");
    const anna = await sessionCookie(stack.buyerUrl, "anna@northfield.example");
    loads.marketplace = await searchMarketplace(stack.producerUrl, piet, sizes.loadSeconds / 2);
    loads.externalLots = await searchExternalLots(stack.buyerUrl, apiKey, sizes.loadSeconds / 2);
    measure("after search");

    const published = await publishLots(stack, anna, piet, sizes.lots);
    measure("after dispatch");

    const roundTrips = await producerBids(stack.producerUrl, piet, published.slice(0, sizes.roundTrips));
    measure("after latency");

    await idle(sizes.idleSeconds);
    measure("idle again");
    printReport({
      bench: "memory",
      smoke,
      rows,
      extra: {
        unit: "MiB (PSS)",
        target: { idleTotalMiB: 300 },
        idleSeconds: sizes.idleSeconds,
        idleProcesses: processes,
        loads: { ...loads, dispatch: { lotsPublished: published.length }, latency: { roundTrips } },
      },
    });
  } finally {
    await stack.stop();
  }
}

interface NpmStart {
  pid: number;
  buyerUrl: string;
  producerUrl: string;
  stop(): Promise<void>;
}

/**
 * Runs the root package.json's `start` script as npm would (through sh, node_modules/.bin on PATH; npm's own process
 * is left out: it is the same for any project), on a throwaway data directory and free ports.
 */
async function startNpmStart(): Promise<NpmStart> {
  const dataDir = mkdtempSync(join(tmpdir(), "lotbridge-bench-memory-"));
  // PostgreSQL runs as the `postgres` user when we are root; it must be able to enter the directory.
  chmodSync(dataDir, 0o755);
  const ports = { buyer: await freePort(), producer: await freePort(), db: await freePort() };
  const script: string = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts.start;
  const child: ChildProcess = spawn("sh", ["-c", script], {
    cwd: ROOT,
    // Its own process group, so that stopping it is a terminal's Ctrl-C: SIGINT to every process of the stack.
    detached: true,
    env: {
      ...withoutDatabaseUrl(process.env),
      PATH: `${join(ROOT, "node_modules", ".bin")}${delimiter}${process.env.PATH}`,
      LOTBRIDGE_DATA_DIR: dataDir,
      BUYER_PORT: String(ports.buyer),
      PRODUCER_PORT: String(ports.producer),
      LOTBRIDGE_DB_PORT: String(ports.db),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid ?? 0;
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      signalGroup(pid, "SIGINT");
      const force = setTimeout(() => signalGroup(pid, "SIGKILL"), 20_000);
      await exited;
      clearTimeout(force);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  for (const stream of [child.stdout, child.stderr]) stream?.on("data", (chunk) => (output += chunk));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (!output.includes("Press Ctrl-C")) return;
        clearInterval(timer);
        resolve();
      }, 100);
      child.once("exit", (code) => {
        clearInterval(timer);
        reject(new Error(`npm start exited with ${code}:\n${output}`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    pid,
    buyerUrl: `http://localhost:${ports.buyer}`,
    producerUrl: `http://localhost:${ports.producer}`,
    stop,
  };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is gone already.
  }
}

/**
 * npm start's own environment: a DATABASE_URL in ours (CI's test command sets one) would point the stack at that
 * server's databases, whatever they hold, instead of the embedded server this bench measures.
 */
function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = env;
  return rest;
}

const idle = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/** The key `npm start` seeds as the producer platform's (PRODUCER_API_KEY), generated into .data/secrets.json. */
function platformKey(): string {
  return process.env.PRODUCER_API_KEY ?? JSON.parse(readFileSync(join(ROOT, ".data", "secrets.json"), "utf8")).apiKey;
}

function mustSucceed(name: string, result: LoadResult): LoadResult {
  if (result.requests === 0 || result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${name}: ${result.non2xx} non-2xx answers and ${result.errors} errors of ${result.requests}`);
  }
  return result;
}

interface ListedLot {
  id: string;
  minBidVolume: string;
  currency: string;
}

/** Distinct valid bids (one producer organization per bid) over the open lots of the demo data. */
async function intake(buyerUrl: string, apiKey: string, seconds: number): Promise<LoadResult> {
  const page = await fetch(`${buyerUrl}/api/lots/external?limit=100&status=published`, {
    headers: { "x-api-key": apiKey },
  });
  if (!page.ok) throw new Error(`listing the lots answered ${page.status}: ${await page.text()}`);
  const lots: ListedLot[] = (await page.json()).data;
  if (lots.length === 0) throw new Error("the demo data has no published lot to bid on");
  let sent = 0;
  const result = await load({
    url: `${buyerUrl}/api/bids`,
    method: "POST",
    connections: 16,
    seconds,
    headers: { "content-type": "application/json", "x-api-key": apiKey },
    request: () => {
      const n = sent++;
      const lot = lots[n % lots.length] as ListedLot;
      const organizationId = `porg_memory_${n}`;
      return {
        headers: { "idempotency-key": randomUUID() },
        body: JSON.stringify({
          lotId: lot.id,
          externalBidId: `pbid_memory_${n}`,
          bidder: { organizationId, organizationName: `Farm ${n}`, name: "Petra Bauer", email: "petra@farm.example" },
          volume: lot.minBidVolume,
          pricePerUnit: "240.00",
          currency: lot.currency,
          deliveryTerms: "DAP Hamburg",
          message: "",
          validUntil: new Date(Date.now() + 5 * DAY).toISOString(),
        }),
      };
    },
  });
  return mustSucceed("POST /api/bids", result);
}

const rotating = (paths: string[]) => {
  let n = 0;
  return () => ({ path: paths[n++ % paths.length] });
};

async function searchMarketplace(producerUrl: string, piet: string, seconds: number): Promise<LoadResult> {
  const base = "/api/marketplace/lots?limit=50";
  const filters = ["", "&q=wheat", "&q=absentword", "&commodity=Barley", "&sort=newest", "&minVolume=100"];
  const result = await load({
    url: `${producerUrl}${base}`,
    connections: 16,
    seconds,
    headers: { cookie: piet },
    request: rotating(filters.map((filter) => `${base}${filter}`)),
  });
  return mustSucceed("GET /api/marketplace/lots", result);
}

async function searchExternalLots(buyerUrl: string, apiKey: string, seconds: number): Promise<LoadResult> {
  const base = "/api/lots/external?limit=50";
  const filters = ["", "&q=wheat", "&q=absentword", "&commodity=Barley", "&status=published"];
  const result = await load({
    url: `${buyerUrl}${base}`,
    connections: 16,
    seconds,
    headers: { "x-api-key": apiKey },
    request: rotating(filters.map((filter) => `${base}${filter}`)),
  });
  return mustSucceed("GET /api/lots/external", result);
}

/** Publishes `count` lots of Anna's, four at a time, and waits until every one's webhook put it in the marketplace. */
async function publishLots(stack: NpmStart, anna: string, piet: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 4) {
    const batch = Array.from({ length: Math.min(4, count - start) }, (_, i) => start + i);
    ids.push(...(await Promise.all(batch.map((n) => publishLot(stack.buyerUrl, anna, n)))));
  }
  for (const id of ids) {
    await eventually(
      async () => (await send(`${stack.producerUrl}/api/marketplace/lots/${id}`, piet, "GET")).ok,
      60_000,
    );
  }
  return ids;
}

async function publishLot(buyerUrl: string, anna: string, n: number): Promise<string> {
  const created = await send(
    `${buyerUrl}/api/lots`,
    anna,
    "POST",
    lotInput(`Milling wheat, memory bench ${n}`, { volume: "500", minBidVolume: "10" }),
  );
  if (created.status !== 201) throw new Error(`creating a lot answered ${created.status}: ${await created.text()}`);
  const { id } = await created.json();
  const published = await send(`${buyerUrl}/api/lots/${id}/publish`, anna, "POST");
  if (published.status !== 200) throw new Error(`publishing a lot answered ${published.status}`);
  return id;
}

/** Piet's bid on each lot, placed in the producer portal, until the buyer portal has confirmed it. */
async function producerBids(producerUrl: string, piet: string, lotIds: string[]): Promise<number> {
  for (const lotId of lotIds) {
    const placed = await send(`${producerUrl}/api/marketplace/lots/${lotId}/bids`, piet, "POST", {
      volume: "20",
      pricePerUnit: "240.00",
      currency: "EUR",
      deliveryTerms: "DAP Hamburg",
      message: "",
      validUntil: new Date(Date.now() + 5 * DAY).toISOString(),
    });
    if (placed.status !== 202) throw new Error(`placing a bid answered ${placed.status}: ${await placed.text()}`);
    const { id } = await placed.json();
    await eventually(async () => {
      const bid = await (await send(`${producerUrl}/api/bids/${id}`, piet, "GET")).json();
      return bid.state === "submitted" && bid.buyerBidId;
    }, 30_000);
  }
  return lotIds.length;
}

/** Every process of the tree under `root`, the root included. */
function processTree(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // It ended while we looked.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, parent] of parentOf) if (parent === tree[i]) tree.push(pid);
  }
  return tree;
}

function pssKiB(pid: number): number {
  try {
    return Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
  } catch {
    return "";
  }
}

function partOf(pid: number): Part {
  if (/(^|\/)postgres\b|^postgres:/.test(commandLine(pid))) return "PostgreSQL";
  let cwd = "";
  try {
    cwd = readlinkSync(`/proc/${pid}/cwd`);
  } catch {}
  if (cwd.endsWith(join("apps", "buyer-portal"))) return "buyer portal";
  if (cwd.endsWith(join("apps", "producer-portal"))) return "producer portal";
  return "launcher";
}

const mib = (kib: number) => Math.round(kib / 1024);

function partsMiB(root: number): Record<Part | "total", number> {
  const kib = Object.fromEntries(PARTS.map((part) => [part, 0])) as Record<Part, number>;
  for (const pid of processTree(root)) kib[partOf(pid)] += pssKiB(pid);
  const total = PARTS.reduce((sum, part) => sum + kib[part], 0);
  return {
    ...(Object.fromEntries(PARTS.map((part) => [part, mib(kib[part])])) as Record<Part, number>),
    total: mib(total),
  };
}

/** Each process at idle, to tell where the memory goes: part, command (shortened), MiB. */
function processesMiB(root: number): { part: Part; command: string; mib: number }[] {
  return processTree(root).map((pid) => ({
    part: partOf(pid),
    command: commandLine(pid).replaceAll(ROOT, ".").slice(0, 80),
    mib: Math.round(pssKiB(pid) / 102.4) / 10,
  }));
}
