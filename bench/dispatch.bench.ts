/**
 * Dispatch: a backlog of queued webhooks delivered by the buyer portal's dispatcher (a production build, one process)
 * to a receiver on loopback in this process, which checks every signature and counts distinct webhook-ids.
 *
 * 1. released backlog: the messages are queued while their endpoint is disabled (they wait, attempts untouched), then
 *    the endpoint is enabled: deliveries per second until every message is recorded as delivered.
 * 2. outage: the receiver's port refuses connections while the messages are queued and for a while after, so the
 *    dispatcher fails, records and reschedules attempts (OUTBOX_RETRY_SCALE=0.001: the schedule's minutes and hours
 *    become tenths of seconds and seconds); then the receiver is back: seconds until every message is delivered.
 *
 * Fails when a message is lost, dead, delivered with a bad signature, or an attempt goes unrecorded; duplicates are
 * allowed (at-least-once delivery) and counted.
 */
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import { freePort } from "@lotbridge/db/free-port";
import { OUTBOX_CHANNEL } from "@lotbridge/webhooks/outbox-channel";
import { setWebhookEndpointEnabled } from "@lotbridge/webhooks/set-webhook-endpoint-enabled";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { Webhook } from "standardwebhooks";
import { buildPortals } from "../e2e/harness/build-portals";
import { freshDatabases, startDatabaseServer } from "../e2e/harness/database-server";
import { PortalProcess } from "../e2e/harness/portal-process";
import { printReport, type Row } from "./lib/report";
import type { BenchOptions } from "./run";

/** The endpoint PRODUCER_DASHBOARD_WEBHOOK_URL configures (apps/buyer-portal/src/integration/producer-endpoint.ts). */
const ENDPOINT = "producer-portal";
const RETRY_SCALE = 0.001;

export default async function dispatch({ smoke }: BenchOptions): Promise<void> {
  const messages = smoke ? 300 : 100_000;
  const outageSeconds = smoke ? 1 : 10;
  buildPortals();
  const server = await startDatabaseServer();
  const cleanup: (() => Promise<unknown>)[] = [() => server.stop()];
  try {
    const databases = await freshDatabases(server.serverUrl);
    cleanup.unshift(() => databases.drop());
    const secret = `whsec_${randomBytes(32).toString("base64")}`;
    const receiver = new Receiver(secret, await freePort());
    await receiver.open();
    cleanup.unshift(() => receiver.close());
    const port = await freePort();
    const buyer = new PortalProcess("buyer", port, {
      DATABASE_URL: databases.buyer,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      AUTH_SECRET: randomBytes(32).toString("base64"),
      PRODUCER_DASHBOARD_WEBHOOK_URL: `http://127.0.0.1:${receiver.port}/api/webhooks/buyer`,
      PRODUCER_DASHBOARD_WEBHOOK_SECRET: secret,
      PRODUCER_API_KEY: `lbk_${randomBytes(24).toString("base64url")}`,
      OUTBOX_RETRY_SCALE: String(RETRY_SCALE),
      OUTBOUND_ALLOW_LOOPBACK: "true",
      // PortalProcess waits for the portal's "ready" line, which is logged at info.
      LOG_LEVEL: "info",
    });
    cleanup.unshift(() => buyer.stop());
    await buyer.start();
    const pool = new pg.Pool({ connectionString: databases.buyer, max: 2 });
    cleanup.unshift(() => pool.end());
    const db = drizzle(pool);
    const rows: Row[] = [];

    // 1. A backlog held by a disabled endpoint, released at once.
    await setWebhookEndpointEnabled(db, ENDPOINT, { enabled: false, reason: "Held by the dispatch bench." });
    await enqueue(db, "released", messages);
    const released = performance.now();
    await setWebhookEndpointEnabled(db, ENDPOINT, { enabled: true });
    await drained(db, receiver, "released", messages);
    rows.push(await summarise(db, receiver, "released backlog", "released", messages, released));

    // 2. The receiver is down while the messages are queued and for `outageSeconds`; then it is back.
    receiver.reset();
    await receiver.close();
    await enqueue(db, "outage", messages);
    await new Promise((r) => setTimeout(r, outageSeconds * 1000));
    const failedDuringOutage = await attemptCount(db, "outage");
    await receiver.open();
    const back = performance.now();
    await drained(db, receiver, "outage", messages);
    rows.push(await summarise(db, receiver, "after outage", "outage", messages, back));

    const [health] = (
      await db.execute<{ failing_since: Date | null }>(
        sql`select failing_since from webhook_endpoint where id = ${ENDPOINT}`,
      )
    ).rows;
    if (health?.failing_since)
      throw new Error("The endpoint still counts as failing after every message was delivered.");
    printReport({
      bench: "dispatch",
      smoke,
      rows,
      extra: {
        messages,
        outageSeconds,
        failedAttemptsDuringOutage: failedDuringOutage,
        retryScale: RETRY_SCALE,
        targets: { deliveriesPerSecond: 2000, drainSeconds: 60 },
      },
    });
  } finally {
    for (const step of cleanup) await step().catch(() => {});
  }
}

type Db = ReturnType<typeof drizzle>;

/** `count` webhooks to the endpoint, as publishEvent writes them (one outbox row per event), and the NOTIFY. */
async function enqueue(db: Db, phase: string, count: number): Promise<void> {
  await db.execute(sql`
    insert into outbox_message (id, kind, destination, event_id, event_type, payload)
    select 'msg_' || ${phase} || '_' || g, 'webhook', ${ENDPOINT}, 'evt_' || ${phase} || '_' || g, 'lot.published',
      jsonb_build_object('id', 'evt_' || ${phase} || '_' || g, 'type', 'lot.published', 'createdAt', now(),
        'apiVersion', '2026-11-01',
        'data', jsonb_build_object('id', 'lot_bench_' || g, 'version', 1, 'title', 'Milling wheat, lot ' || g))
    from generate_series(1, ${count}::int) g`);
  await db.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
}

async function phaseCounts(db: Db, phase: string) {
  const [row] = (
    await db.execute<{ delivered: number; pending: number; dead: number; attempts: number }>(sql`
      select count(*) filter (where status = 'delivered')::int as delivered,
        count(*) filter (where status = 'pending')::int as pending,
        count(*) filter (where status not in ('delivered', 'pending'))::int as dead,
        coalesce(sum(attempts), 0)::int as attempts
      from outbox_message where id like ${`msg_${phase}_%`}`)
  ).rows;
  return row;
}

async function attemptCount(db: Db, phase: string): Promise<number> {
  const [row] = (
    await db.execute<{ count: number }>(
      sql`select count(*)::int as count from delivery_attempt where message_id like ${`msg_${phase}_%`}`,
    )
  ).rows;
  return row.count;
}

/**
 * Waits until the receiver has every message of the phase and the database has recorded each as no longer pending;
 * fails when the receiver gets nothing new for 60 s. It watches the receiver and asks the database only at the end,
 * so that watching does not weigh on the database being measured.
 */
async function drained(db: Db, receiver: Receiver, phase: string, count: number): Promise<void> {
  let last = -1;
  let movedAt = performance.now();
  for (;;) {
    const received = receiver.distinct(`evt_${phase}_`);
    if (received >= count) break;
    if (received !== last) [last, movedAt] = [received, performance.now()];
    if (performance.now() - movedAt > 60_000) {
      const counts = await phaseCounts(db, phase);
      throw new Error(`${phase}: stuck at ${received} of ${count} received (${JSON.stringify(counts)}).`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  for (;;) {
    const [row] = (
      await db.execute<{ pending: number }>(
        sql`select count(*)::int as pending from outbox_message where status = 'pending' and id like ${`msg_${phase}_%`}`,
      )
    ).rows;
    if (row.pending === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function summarise(
  db: Db,
  receiver: Receiver,
  phase: string,
  prefix: string,
  count: number,
  since: number,
): Promise<Row> {
  const seconds = (performance.now() - since) / 1000;
  const counts = await phaseCounts(db, prefix);
  const recorded = await attemptCount(db, prefix);
  const received = receiver.distinct(`evt_${prefix}_`);
  if (counts.dead > 0) throw new Error(`${phase}: ${counts.dead} messages died or were cancelled.`);
  if (receiver.badSignatures > 0) throw new Error(`${receiver.badSignatures} webhooks had a bad signature.`);
  if (received !== count) throw new Error(`${phase}: the receiver got ${received} of ${count} distinct webhooks.`);
  // Every attempt the dispatcher claimed (counted in `attempts`) has its row in the delivery log.
  if (recorded !== counts.attempts) {
    throw new Error(`${phase}: ${counts.attempts} attempts were made but ${recorded} recorded.`);
  }
  return {
    phase,
    messages: count,
    seconds: Math.round(seconds * 100) / 100,
    "deliveries/s": Math.round(count / seconds),
    duplicates: receiver.duplicates,
    "attempts recorded": recorded,
  };
}

/** The receiving platform: verifies each webhook's signature as a Standard Webhooks receiver does, counts ids. */
class Receiver {
  private server?: Server;
  private readonly seen = new Set<string>();
  /** Distinct webhook-ids by their prefix (`evt_released_`), so that watching the count costs nothing. */
  private readonly distinctByPrefix = new Map<string, number>();
  duplicates = 0;
  badSignatures = 0;

  constructor(
    private readonly secret: string,
    readonly port: number,
  ) {}

  reset(): void {
    this.duplicates = 0;
  }

  distinct(prefix: string): number {
    return this.distinctByPrefix.get(prefix) ?? 0;
  }

  async open(): Promise<void> {
    const webhook = new Webhook(this.secret);
    const server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString("utf8");
      try {
        webhook.verify(body, request.headers as Record<string, string>);
      } catch {
        this.badSignatures += 1;
        response.writeHead(400).end();
        return;
      }
      const id = String(request.headers["webhook-id"]);
      if (this.seen.has(id)) this.duplicates += 1;
      else {
        this.seen.add(id);
        const prefix = id.slice(0, id.lastIndexOf("_") + 1);
        this.distinctByPrefix.set(prefix, this.distinct(prefix) + 1);
      }
      response.writeHead(204).end();
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", resolve);
    });
  }

  /** Closes the port, connections in use included: the dispatcher's next connection is refused. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}
