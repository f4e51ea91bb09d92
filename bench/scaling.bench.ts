/**
 * Past one process (issue 15, docs/scaling.md): each portal as two web instances (RUN_DISPATCHER=false) behind a
 * loopback round-robin and two `npm run worker` processes, on one PostgreSQL and the same databases. Bid intake
 * through the buyer's round-robin at 16 connections (distinct bids, an Idempotency-Key each, one request in eight a
 * replay of an earlier one), then every request sent once more, then the latency paths through both round-robins;
 * then the exactly-once checks: bids stored = distinct requests, every lot in the producer's marketplace once at its
 * last version, every contract once, every event applied once, the outboxes delivered with nothing dead.
 */
import type { BidSubmission } from "@lotbridge/contract/bid-submission";
import pg from "pg";
import { sessionCookie } from "../e2e/harness/portal-pair";
import { call, measureLatency, paced } from "./lib/latency-paths";
import { load } from "./lib/load";
import { lotInput } from "./lib/lot-input";
import { printReport, type Row } from "./lib/report";
import { type ScaledStack, startScaledStack } from "./lib/scaled-stack";
import type { BenchOptions } from "./run";

const DAY = 86_400_000;
const CONNECTIONS = 16;
const REPLAY_EVERY = 8;
const DRAIN_TIMEOUT_MS = 60_000;

export default async function scaling({ smoke }: BenchOptions): Promise<void> {
  const lotCount = smoke ? 3 : 100;
  const seconds = smoke ? 2 : 20;
  const latencyCount = smoke ? 3 : 200;
  const stack = await startScaledStack();
  const buyerDb = new pg.Client({ connectionString: stack.env.buyer.DATABASE_URL });
  const producerDb = new pg.Client({ connectionString: stack.env.producer.DATABASE_URL });
  try {
    await buyerDb.connect();
    await producerDb.connect();
    const since = (await buyerDb.query("select now() as now")).rows[0].now as Date;
    const lotIds = await publishLots(stack, lotCount);

    const bids = bidSource(lotIds);
    const intake = await load({
      url: `${stack.buyer.url}/api/bids`,
      method: "POST",
      connections: CONNECTIONS,
      seconds,
      headers: { "content-type": "application/json", "x-api-key": stack.apiKey },
      request: bids.next,
    });
    if (intake.non2xx > 0 || intake.errors > 0) {
      throw new Error(`intake: ${intake.non2xx} answers outside 2xx and ${intake.errors} errors`);
    }
    // Every distinct request once more: each must be answered 2xx again, and afterwards each is stored exactly once
    // whether or not its first send was still in flight when the load stopped.
    const sweep = await paced(bids.distinct(), CONNECTIONS, async (request) => {
      const response = await fetch(`${stack.buyer.url}/api/bids`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-api-key": stack.apiKey, ...request.headers },
        body: request.body,
      });
      if (!response.ok) throw new Error(`sending a bid again answered ${response.status}: ${await response.text()}`);
      return response.headers.get("idempotent-replayed") === "true";
    });

    const latency = await measureLatency(
      {
        buyerUrl: stack.buyer.url,
        producerUrl: stack.producer.url,
        buyerDatabaseUrl: stack.env.buyer.DATABASE_URL,
        producerDatabaseUrl: stack.env.producer.DATABASE_URL,
      },
      latencyCount,
      2,
    );

    await drained(buyerDb, since);
    await drained(producerDb, since);
    const checks = await exactlyOnce(buyerDb, producerDb, since, bids.distinct().length);
    const rows: Row[] = [
      {
        measure: `POST /api/bids through the round-robin, ${CONNECTIONS} connections`,
        "req/s": intake.requestsPerSecond,
        p50: intake.p50,
        p99: intake.p99,
        count: intake.requests,
      },
      ...latency.rows
        .filter((row) => !String(row.path).startsWith("("))
        .map((row) => ({ measure: `latency: ${row.path}`, p50: row.p50, p99: row.p99, count: row.count })),
      ...checks,
    ];
    printReport({
      bench: "scaling",
      smoke,
      rows,
      extra: {
        instancesPerPortal: 2,
        workersPerPortal: 2,
        lots: lotCount,
        secondsOfIntake: seconds,
        replaysDuringLoad: bids.replays(),
        sweepAnsweredAsReplays: sweep.filter(Boolean).length,
        connectionsPerInstance: {
          buyer: Object.fromEntries(stack.buyer.handed),
          producer: Object.fromEntries(stack.producer.handed),
        },
        latencyBreakdown: latency.breakdown,
      },
    });
  } finally {
    await buyerDb.end().catch(() => {});
    await producerDb.end().catch(() => {});
    await stack.stop();
  }
}

/** Lots of Northfield Mills, created and published through the buyer's round-robin by its signed-in admin. */
async function publishLots(stack: ScaledStack, count: number): Promise<string[]> {
  const anna = await sessionCookie(stack.buyer.url, "anna@northfield.example");
  return paced(
    Array.from({ length: count }, (_, i) => i),
    4,
    async (i) => {
      const { id } = await call(`${stack.buyer.url}/api/lots`, anna, "POST", 201, lotInput(`Latency bench lot ${i}`));
      await call(`${stack.buyer.url}/api/lots/${id}/publish`, anna, "POST", 200);
      return id;
    },
  );
}

interface BidRequest {
  body: string;
  headers: Record<string, string>;
}

/**
 * Distinct valid bids, the n-th on lot n mod lots from producer organization n div lots (so no organization holds
 * two live bids on a lot), each with its own Idempotency-Key; every REPLAY_EVERY-th request is instead an earlier
 * request sent again unchanged, which must be answered as before and store nothing.
 */
function bidSource(lotIds: string[]) {
  const sent: BidRequest[] = [];
  let replays = 0;
  let n = 0;
  const validUntil = new Date(Date.now() + 30 * DAY).toISOString();
  return {
    next: (): BidRequest => {
      n++;
      if (n % REPLAY_EVERY === 0 && sent.length > 0) {
        replays++;
        return sent[Math.floor(Math.random() * sent.length)] as BidRequest;
      }
      const i = sent.length;
      const organization = Math.floor(i / lotIds.length);
      const bid: BidSubmission = {
        lotId: lotIds[i % lotIds.length] as string,
        externalBidId: `pbid_scale_${i}`,
        bidder: {
          organizationId: `porg_scale_${organization}`,
          organizationName: `Cooperative ${organization}`,
          name: "Petra Bauer",
          email: `petra@coop-${organization}.example`,
        },
        volume: String(20 + (i % 50)),
        pricePerUnit: "241.25",
        currency: "EUR",
        deliveryTerms: "DAP Hamburg, September",
        message: "",
        validUntil,
      };
      const request = { body: JSON.stringify(bid), headers: { "idempotency-key": `scale-${i}` } };
      sent.push(request);
      return request;
    },
    distinct: () => sent,
    replays: () => replays,
  };
}

/** Waits until nothing created since `since` is pending in the database's outbox. */
async function drained(db: pg.Client, since: Date): Promise<void> {
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  for (;;) {
    const { rows } = await db.query(
      "select count(*)::int as n from outbox_message where status = 'pending' and created_at >= $1",
      [since],
    );
    if (rows[0].n === 0) return;
    if (Date.now() > deadline) throw new Error(`${rows[0].n} outbox messages still pending after the run`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The exactly-once checks as rows (count and what it must be); throws after listing them when one fails. */
async function exactlyOnce(buyerDb: pg.Client, producerDb: pg.Client, since: Date, distinct: number): Promise<Row[]> {
  const one = async (db: pg.Client, text: string, values: unknown[] = []) =>
    Number(Object.values((await db.query(text, values)).rows[0] ?? {})[0] ?? 0);
  // The run's lots: a demo lot cancelled while still a draft was never announced, so it is rightly not there.
  const buyerLots = (
    await buyerDb.query("select id, version, status from lot where status <> 'draft' and created_at >= $1", [since])
  ).rows;
  const marketLots = new Map(
    (await producerDb.query("select id, version from market_lot")).rows.map((r) => [r.id, r.version]),
  );
  const contracts = (await buyerDb.query("select id, version from contract where created_at >= $1", [since])).rows;
  const producerContracts = new Map(
    (await producerDb.query("select id, version from producer_contract")).rows.map((r) => [r.id, r.version]),
  );
  const webhookEvents = (
    await buyerDb.query(
      "select distinct event_id from outbox_message where kind = 'webhook' and created_at >= $1 and event_id is not null",
      [since],
    )
  ).rows.map((r) => r.event_id as string);
  const checks: (Row & { count: number; expected: number })[] = [
    {
      measure: "bids stored = distinct requests",
      count: await one(buyerDb, "select count(*) from bid where external_bid_id like 'pbid_scale_%'"),
      expected: distinct,
    },
    {
      measure: "the run's published lots in the producer's marketplace at their last version",
      count: buyerLots.filter((lot) => marketLots.get(lot.id) === lot.version).length,
      expected: buyerLots.length,
    },
    {
      measure: "contracts in the producer portal at their last version",
      count: contracts.filter((c) => producerContracts.get(c.id) === c.version).length,
      expected: contracts.length,
    },
    {
      measure: "buyer events received by the producer (one inbox row each)",
      count: await one(producerDb, "select count(*) from inbox_message where webhook_id = any($1)", [webhookEvents]),
      expected: webhookEvents.length,
    },
    {
      measure: "producer inbox rows failed",
      count: await one(producerDb, "select count(*) from inbox_message where status = 'failed'"),
      expected: 0,
    },
    ...(await outboxStates(buyerDb, "buyer", since)),
    ...(await outboxStates(producerDb, "producer", since)),
  ];
  const failed = checks.filter((check) => check.count !== check.expected);
  if (failed.length > 0) {
    const lots = buyerLots
      .filter((lot) => marketLots.get(lot.id) !== lot.version)
      .map((lot) => `${lot.id} (${lot.status}) v${lot.version} here v${marketLots.get(lot.id)} there`);
    throw new Error(
      `exactly-once checks failed: ${failed.map((c) => `${c.measure}: ${c.count}, not ${c.expected}`)}; lots: ${lots}`,
    );
  }
  return checks;
}

async function outboxStates(db: pg.Client, side: string, since: Date) {
  const { rows } = await db.query(
    `select count(*) filter (where status = 'pending')::int as pending, count(*) filter (where status = 'dead')::int as dead
     from outbox_message where created_at >= $1`,
    [since],
  );
  return [
    { measure: `${side} outbox messages pending`, count: rows[0].pending as number, expected: 0 },
    { measure: `${side} outbox messages dead`, count: rows[0].dead as number, expected: 0 },
  ];
}
