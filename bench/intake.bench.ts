/**
 * Bid intake: `POST /api/bids` as the producer platform sends it (its API key, an Idempotency-Key per call), valid and
 * distinct bids over many published lots and producer organizations, at 16 and 64 connections, next to a bare
 * Next.js route measured in the same run on the same cores. The ratio to the bare route is the figure (issue 15:
 * target ≥ 40 % at 16 connections). Every answer must be 2xx and every answered bid stored, once.
 */

import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import type { BidSubmission } from "@lotbridge/contract/bid-submission";
import pg from "pg";
import { sessionCookie } from "../e2e/harness/portal-pair";
import { startBareRoute } from "./lib/bare";
import { type LoadResult, load } from "./lib/load";
import { lotInput } from "./lib/lot-input";
import { printReport, type Row } from "./lib/report";
import { startBenchStack } from "./lib/stack";
import type { BenchOptions } from "./run";

const DAY = 86_400_000;
const TARGET_RATIO_AT_16 = 0.4;

export default async function intake({ smoke }: BenchOptions): Promise<void> {
  const lotCount = smoke ? 3 : 200;
  const seconds = smoke ? 1 : 10;
  const connections = smoke ? [2] : [16, 64];
  const stack = await startBenchStack();
  const bare = await startBareRoute().catch(async (error) => {
    await stack.stop();
    throw error;
  });
  const buyerDb = new pg.Client({ connectionString: stack.pair.env.buyer.DATABASE_URL });
  try {
    await buyerDb.connect();
    const { pair } = stack;
    const lotIds = await publishLots(pair.buyer.url, lotCount);
    const bids = bidSource(lotIds);
    const intakeUrl = `${pair.buyer.url}/api/bids`;
    const getBare = (c: number, s: number) => load({ url: bare.url, connections: c, seconds: s });
    const postBids = (c: number, s: number) =>
      load({
        url: intakeUrl,
        method: "POST",
        connections: c,
        seconds: s,
        headers: { "content-type": "application/json", "x-api-key": pair.secrets.apiKey },
        request: bids.next,
      });

    const storedBefore = await countBids(buyerDb);
    const runs: { path: string; connections: number; result: LoadResult }[] = [];
    // Warm-up: both servers compile and cache their routes, the pool opens its connections.
    await getBare(connections[0] ?? 1, smoke ? 1 : 3);
    runs.push({
      path: "POST /api/bids (warm-up)",
      connections: connections[0] ?? 1,
      result: await postBids(connections[0] ?? 1, smoke ? 1 : 3),
    });
    const rows: Row[] = [];
    const ratios: Record<string, number> = {};
    const cpuMsPerBid: Record<string, Record<string, number>> = {};
    for (const c of connections) {
      const baseline = await getBare(c, seconds);
      runs.push({ path: "GET bare route", connections: c, result: baseline });
      const cpuBefore = cpuTicksByPart();
      const measured = await postBids(c, seconds);
      cpuMsPerBid[`at${c}`] = perBid(cpuBefore, cpuTicksByPart(), measured.requests);
      runs.push({ path: "POST /api/bids", connections: c, result: measured });
      const ratio = Math.round((measured.requestsPerSecond / baseline.requestsPerSecond) * 1000) / 1000;
      ratios[`at${c}`] = ratio;
      for (const [path, result, r] of [
        ["GET bare route", baseline, 1],
        ["POST /api/bids", measured, ratio],
      ] as const) {
        rows.push({
          path,
          connections: c,
          "req/s": result.requestsPerSecond,
          p50: result.p50,
          p99: result.p99,
          ratio: r,
        });
      }
    }
    await requireEveryBidStoredOnce(buyerDb, storedBefore, runs, bids.sent());
    printReport({
      bench: "intake",
      smoke,
      rows,
      extra: {
        lots: lotCount,
        producerOrganizations: bids.organizations(),
        bidsStored: (await countBids(buyerDb)) - storedBefore,
        secondsPerRun: seconds,
        ratios,
        cpuMsPerBid,
        target: `POST /api/bids ≥ ${TARGET_RATIO_AT_16 * 100} % of the bare route at 16 connections`,
      },
    });
  } finally {
    await buyerDb.end().catch(() => {});
    await bare.stop();
    await stack.stop();
  }
}

/** Lots of the demo buyer (Northfield Mills), published through its own API by its signed-in admin. */
async function publishLots(buyerUrl: string, count: number): Promise<string[]> {
  const cookie = await sessionCookie(buyerUrl, "anna@northfield.example");
  const headers = { cookie, origin: buyerUrl, "content-type": "application/json" };
  const deadline = new Date(Date.now() + 60 * DAY).toISOString();
  const one = async (n: number) => {
    const created = await fetch(`${buyerUrl}/api/lots`, {
      method: "POST",
      headers,
      body: JSON.stringify(
        lotInput(`Milling wheat, lot ${n + 1}`, {
          qualitySpecs: "Protein ≥ 12.5 %",
          volume: "100000",
          minBidVolume: "10",
          targetPrice: "236.50",
          deliveryLocation: "Hamburg",
          biddingDeadline: deadline,
        }),
      ),
    });
    if (created.status !== 201) throw new Error(`creating lot ${n}: ${created.status} ${await created.text()}`);
    const { id } = (await created.json()) as { id: string };
    const published = await fetch(`${buyerUrl}/api/lots/${id}/publish`, { method: "POST", headers });
    if (!published.ok) throw new Error(`publishing lot ${n}: ${published.status} ${await published.text()}`);
    return id;
  };
  const ids: string[] = [];
  // A few at a time: seeding is not what is measured, and the portal shares the cores with this process.
  for (let n = 0; n < count; n += 4) {
    ids.push(...(await Promise.all(Array.from({ length: Math.min(4, count - n) }, (_, k) => one(n + k)))));
  }
  return ids;
}

/**
 * Valid, distinct bids: the n-th goes to lot n mod lots from producer organization n div lots, so consecutive bids
 * spread over every lot and no organization ever holds two live bids on one lot. Each has its own external id and
 * Idempotency-Key.
 */
function bidSource(lotIds: string[]) {
  let n = 0;
  const validUntil = new Date(Date.now() + 30 * DAY).toISOString();
  return {
    next: () => {
      const lotId = lotIds[n % lotIds.length] as string;
      const organization = Math.floor(n / lotIds.length);
      n++;
      const bid: BidSubmission = {
        lotId,
        externalBidId: `pbid_bench_${n}`,
        bidder: {
          organizationId: `porg_bench_${organization}`,
          organizationName: `Cooperative ${organization}`,
          name: "Petra Bauer",
          email: `petra@coop-${organization}.example`,
        },
        volume: String(20 + (n % 50)),
        pricePerUnit: "241.25",
        currency: "EUR",
        deliveryTerms: "DAP Hamburg, September",
        message: "",
        validUntil,
      };
      return { body: JSON.stringify(bid), headers: { "idempotency-key": `bench-${n}` } };
    },
    sent: () => n,
    organizations: () => Math.ceil(n / lotIds.length),
  };
}

async function countBids(db: pg.Client): Promise<number> {
  const { rows } = await db.query<{ count: string }>("select count(*) from bid");
  return Number(rows[0]?.count);
}

/**
 * Fails the bench unless every answer was 2xx and the bids stored are exactly the answered ones. A run ends with up
 * to one request per connection still in flight: the server may store those after the load generator stopped
 * listening, so each run may add at most its connection count beyond its answers, never fewer than its answers.
 */
async function requireEveryBidStoredOnce(
  db: pg.Client,
  before: number,
  runs: { path: string; connections: number; result: LoadResult }[],
  sent: number,
): Promise<void> {
  for (const { path, connections, result } of runs) {
    if (result.non2xx > 0 || result.errors > 0) {
      throw new Error(
        `${path} at ${connections} connections: ${result.non2xx} answers outside 2xx and ${result.errors} errors`,
      );
    }
  }
  const intake = runs.filter((run) => run.path.startsWith("POST"));
  const answered = intake.reduce((sum, run) => sum + run.result.requests, 0);
  const inFlight = intake.reduce((sum, run) => sum + run.connections, 0);
  // Let a request still in flight when its run ended finish before counting.
  await new Promise((r) => setTimeout(r, 1000));
  const stored = (await countBids(db)) - before;
  if (stored < answered || stored > Math.min(answered + inFlight, sent)) {
    throw new Error(
      `${answered} bids were answered 2xx (plus at most ${inFlight} in flight when a run ended) but ${stored} are stored`,
    );
  }
}

/**
 * CPU time (clock ticks) of each part of the stack this process started — the portals, PostgreSQL (all its backends,
 * when it is the embedded one), and this process, the load generator — from /proc: where a bid's cost goes, including
 * what it sets off after the answer (the webhook to the producer portal and the emails, delivered by the outbox).
 */
function cpuTicksByPart(): Map<string, number> {
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const entry of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parent.set(Number(entry), Number(fields[1]));
      ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    } catch {} // a process that ended meanwhile
  }
  const parts = new Map<string, number>();
  const visit = (pid: number) => {
    const part = partOf(pid);
    parts.set(part, (parts.get(part) ?? 0) + (ticks.get(pid) ?? 0));
    for (const [child, of] of parent) if (of === pid) visit(child);
  };
  visit(process.pid);
  return parts;
}

function partOf(pid: number): string {
  if (pid === process.pid) return "loadGenerator";
  try {
    if (readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres")) return "postgres";
    const cwd = readlinkSync(`/proc/${pid}/cwd`);
    if (cwd.endsWith("buyer-portal")) return "buyerPortal";
    if (cwd.endsWith("producer-portal")) return "producerPortal";
  } catch {}
  return "other";
}

/** Milliseconds of CPU per answered bid, by part (Linux counts 100 ticks a second). */
function perBid(before: Map<string, number>, after: Map<string, number>, bids: number): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [part, ticks] of after) {
    result[part] = Math.round(((ticks - (before.get(part) ?? 0)) * 10 * 10) / Math.max(bids, 1)) / 10;
  }
  return result;
}
