import pg from "pg";
import { sessionCookie } from "../../e2e/harness/portal-pair";
import { Arrivals } from "./arrivals";
import { deliveryBreakdown, type PathMessages } from "./delivery-breakdown";
import { lotInput } from "./lot-input";
import { readNotificationStream } from "./notification-stream";
import { spread } from "./percentiles";
import type { Row } from "./report";

const DAY = 86_400_000;
/** Long enough for a lost webhook to come by the producer's feed reader instead (RECONCILE_INTERVAL_SECONDS). */
const ARRIVAL_TIMEOUT_MS = 30_000;

/** Where the portals answer (one instance each, or a round-robin in front of several) and their databases. */
export interface LatencyTarget {
  buyerUrl: string;
  producerUrl: string;
  buyerDatabaseUrl: string;
  producerDatabaseUrl: string;
}

export interface LatencyResult {
  /** One row per path: count, p50, p95, p99, max (ms). */
  rows: Row[];
  /** Where each path's time goes (lib/delivery-breakdown.ts). */
  breakdown: Row[];
  /** The buyer's lots the run created and published, each with one accepted bid. */
  lotIds: string[];
}

/** The three paths' messages, for the breakdown. */
function breakdownPaths(target: LatencyTarget): PathMessages[] {
  const webhook = {
    senderDatabaseUrl: target.buyerDatabaseUrl,
    receiver: {
      databaseUrl: target.producerDatabaseUrl,
      startedAt: `select webhook_id as by, received_at as started from inbox_message where webhook_id = any($1)`,
      by: "eventId" as const,
    },
  };
  return [
    { path: "publish", eventType: "lot.published", keyOf: "m.payload->'data'->>'id'", label: "lot", ...webhook },
    {
      path: "accept",
      eventType: "contract.created",
      keyOf: "m.payload->'data'->>'bidId'",
      label: "contract",
      ...webhook,
    },
    {
      path: "producer bid",
      senderDatabaseUrl: target.producerDatabaseUrl,
      eventType: "bid.submit",
      keyOf: "m.payload->>'externalBidId'",
      label: "bid",
      receiver: {
        databaseUrl: target.buyerDatabaseUrl,
        startedAt: `select external_bid_id as by, created_at as started from bid where external_bid_id = any($1)`,
        by: "key",
      },
    },
  ];
}

/**
 * A call as the signed-in member of `cookie`, with the Origin a browser sends; throws unless `expected` answers. Every
 * call here answers with the object it created or changed, of which only its id is read.
 */
export async function call(
  url: string,
  cookie: string,
  method: string,
  expected: number,
  body?: unknown,
): Promise<{ id: string }> {
  const response = await fetch(url, {
    method,
    headers: {
      cookie,
      origin: new URL(url).origin,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status !== expected) {
    throw new Error(`${method} ${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  }
  return response.json();
}

/** Runs `task` for each item with at most `inFlight` at once, in order; the results in the items' order. */
export async function paced<T, R>(items: readonly T[], inFlight: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, items.length) }, worker));
  return results;
}

const bidInput = () => ({
  volume: "10",
  pricePerUnit: "240.00",
  currency: "EUR",
  deliveryTerms: "DAP Hamburg",
  message: "",
  validUntil: new Date(Date.now() + 5 * DAY).toISOString(),
});

/**
 * The three cross-portal paths of issue 15, each `count` times, paced (`inFlight` at once, so the figure is latency,
 * not queueing), each timed from the moment the call that causes it is sent:
 *  (a) a lot published on the buyer portal (Anna's session) → its row in the producer's market_lot;
 *  (c) a bid placed in the producer portal (Piet's session) → its row in the buyer's bid table, and → the
 *      bid.received notification on Anna's notification stream (SSE);
 *  (b) that bid accepted on the buyer portal → the contract's row in the producer's producer_contract.
 * Each lot gets one bid, so a notification is matched to its bid by the lot it links to. Throws when an event never
 * arrives or arrives twice.
 */
export async function measureLatency(target: LatencyTarget, count: number, inFlight: number): Promise<LatencyResult> {
  const anna = await sessionCookie(target.buyerUrl, "anna@northfield.example");
  const piet = await sessionCookie(target.producerUrl, "piet@greenacre.example");
  const arrivals = new Arrivals();
  let stream: { close(): void } | undefined;
  try {
    // The outbox rows' commits time the causing transactions, for the breakdown.
    const outbox = { table: "outbox_message", label: "outbox", key: "id" };
    await arrivals.watch(target.producerDatabaseUrl, [
      { table: "market_lot", label: "lot", key: "id" },
      { table: "producer_contract", label: "contract", key: "buyer_bid_id" },
      outbox,
    ]);
    await arrivals.watch(target.buyerDatabaseUrl, [
      { table: "bid", label: "bid", key: "external_bid_id", extra: "id" },
      outbox,
    ]);
    stream = await readNotificationStream(target.buyerUrl, anna, (notification) => {
      const lotId = notification.link?.match(/^\/lots\/([^/]+)$/)?.[1];
      if (notification.type === "bid.received" && lotId) arrivals.record(`sse:${lotId}`);
    });
    const indexes = Array.from({ length: count }, (_, i) => i);
    const lotIds = await paced(
      indexes,
      4,
      async (i) =>
        (await call(`${target.buyerUrl}/api/lots`, anna, "POST", 201, lotInput(`Latency bench lot ${i}`))).id,
    );

    const published = await paced(lotIds, inFlight, async (lotId) => {
      const sent = performance.now();
      await call(`${target.buyerUrl}/api/lots/${lotId}/publish`, anna, "POST", 200);
      const answered = performance.now() - sent;
      return { answered, arrived: (await arrivals.wait(`lot:${lotId}`, ARRIVAL_TIMEOUT_MS)).at - sent };
    });

    const placed = await paced(lotIds, inFlight, async (lotId) => {
      const sent = performance.now();
      const bid = await call(`${target.producerUrl}/api/marketplace/lots/${lotId}/bids`, piet, "POST", 202, bidInput());
      const answered = performance.now() - sent;
      const row = await arrivals.wait(`bid:${bid.id}`, ARRIVAL_TIMEOUT_MS);
      const notified = await arrivals.wait(`sse:${lotId}`, ARRIVAL_TIMEOUT_MS);
      return {
        answered,
        row: row.at - sent,
        notified: notified.at - sent,
        producerBidId: bid.id,
        buyerBidId: row.extra as string,
      };
    });
    // The buyer portal's answer to each bid.submit must be recorded before the contract's event can be matched to
    // the producer's bid: wait for all of them, outside the timing.
    await untilProducerKnows(
      target.producerDatabaseUrl,
      placed.map((bid) => bid.producerBidId),
    );

    const accepted = await paced(placed, inFlight, async ({ buyerBidId }) => {
      const sent = performance.now();
      await call(`${target.buyerUrl}/api/bids/${buyerBidId}`, anna, "PUT", 200, { action: "accept" });
      const answered = performance.now() - sent;
      return { answered, arrived: (await arrivals.wait(`contract:${buyerBidId}`, ARRIVAL_TIMEOUT_MS)).at - sent };
    });

    const twice = ["lot:", "bid:", "contract:", "sse:"].flatMap((prefix) => arrivals.duplicates(prefix));
    if (twice.length > 0) throw new Error(`arrived more than once: ${twice.slice(0, 10).join(", ")}`);
    const row = (path: string, samples: number[]): Row => ({ path, ...spread(samples) });
    await untilDelivered(target.buyerDatabaseUrl, ["lot.published", "contract.created"]);
    await untilDelivered(target.producerDatabaseUrl, ["bid.submit"]);
    return {
      breakdown: await deliveryBreakdown(arrivals, breakdownPaths(target)),
      rows: [
        row(
          "publish → producer market_lot row",
          published.map((s) => s.arrived),
        ),
        row(
          "accept → producer contract row",
          accepted.map((s) => s.arrived),
        ),
        row(
          "producer bid → buyer bid row",
          placed.map((s) => s.row),
        ),
        row(
          "producer bid → buyer notification stream",
          placed.map((s) => s.notified),
        ),
        row(
          "(publish call's own answer)",
          published.map((s) => s.answered),
        ),
        row(
          "(accept call's own answer)",
          accepted.map((s) => s.answered),
        ),
        row(
          "(producer bid call's own answer)",
          placed.map((s) => s.answered),
        ),
      ],
      lotIds,
    };
  } finally {
    stream?.close();
    await arrivals.close();
  }
}

/** Waits until no message of `types` is pending in the database's outbox: every outcome is recorded. */
async function untilDelivered(databaseUrl: string, types: string[]): Promise<void> {
  await until(databaseUrl, async (client) => {
    const { rows } = await client.query(
      "select count(*)::int as n from outbox_message where status = 'pending' and event_type = any($1)",
      [types],
    );
    return rows[0].n === 0 ? true : `${rows[0].n} messages of ${types.join(", ")} still pending`;
  });
}

/** Waits until the producer portal holds the buyer's id of each of its bids `ids` (every bid.submit answered). */
async function untilProducerKnows(databaseUrl: string, ids: string[]): Promise<void> {
  await until(databaseUrl, async (client) => {
    const { rows } = await client.query(
      "select count(*)::int as n from producer_bid where id = any($1) and buyer_bid_id is not null",
      [ids],
    );
    return rows[0].n === ids.length ? true : `only ${rows[0].n} of ${ids.length} bids were answered`;
  });
}

/** Polls `check` (true, or why not yet) on one connection until it holds; throws its last reason after the timeout. */
async function until(databaseUrl: string, check: (client: pg.Client) => Promise<true | string>): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const deadline = Date.now() + ARRIVAL_TIMEOUT_MS;
    for (;;) {
      const verdict = await check(client);
      if (verdict === true) return;
      if (Date.now() > deadline) throw new Error(`${verdict} after ${ARRIVAL_TIMEOUT_MS} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await client.end();
  }
}
