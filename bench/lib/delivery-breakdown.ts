import pg from "pg";
import type { Arrivals } from "./arrivals";
import { spread } from "./percentiles";
import type { Row } from "./report";

/** One path's messages: which sender's outbox, which type, and how the receiver's row is found. */
export interface PathMessages {
  path: string;
  senderDatabaseUrl: string;
  eventType: string;
  /** The SQL expression (over outbox_message `m`) naming the arrival key's id, e.g. `m.payload->'data'->>'id'`. */
  keyOf: string;
  /** The arrival key's label: the receiver's row (lot, contract, bid). */
  label: string;
  /** The receiving transaction's start (its `now()`), by the message: SQL over `m`, run on the receiver's database. */
  receiver: { databaseUrl: string; startedAt: string; by: "eventId" | "key" };
}

interface Sent {
  id: string;
  key: string;
  eventId: string;
  createdAt: Date;
  startedAt: Date;
  latencyMs: number;
}

/**
 * Where a path's time goes, for each message's first attempt, on one clock (the machine's; PostgreSQL's `now()` is
 * its transaction's start, the bench's commit times come from the NOTIFY of its triggers):
 *  - sender tx: the causing transaction, from its start to its commit (the outbox row's trigger);
 *  - to send: commit → the dispatcher starting the send (NOTIFY, wake-up, claim);
 *  - to receiver: send start → the receiving transaction's start (HTTP, routing, signature, session);
 *  - receiver tx: its start → its commit (the receiver's row);
 * and `retried`, messages that needed more than one attempt.
 */
export async function deliveryBreakdown(arrivals: Arrivals, paths: readonly PathMessages[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const path of paths) {
    const sent = await query<Sent & { attempts: number }>(
      path.senderDatabaseUrl,
      `select m.id, ${path.keyOf} as key, m.event_id as "eventId", m.created_at as "createdAt",
         a.started_at as "startedAt", a.latency_ms as "latencyMs", m.attempts
       from outbox_message m join delivery_attempt a on a.message_id = m.id and a.attempt_number = 1
       where m.event_type = $1`,
      [path.eventType],
    );
    const mine = sent.filter((m) => arrivals.has(`${path.label}:${m.key}`));
    const starts = new Map(
      (
        await query<{ by: string; started: Date }>(path.receiver.databaseUrl, path.receiver.startedAt, [
          mine.map((m) => (path.receiver.by === "eventId" ? m.eventId : m.key)),
        ])
      ).map((r) => [r.by, r.started.getTime()]),
    );
    const segments = { "sender tx": [], "to send": [], "to receiver": [], "receiver tx": [] } as Record<
      string,
      number[]
    >;
    for (const m of mine) {
      const commit = arrivals.wallClock(`outbox:${m.id}`);
      const arrived = arrivals.wallClock(`${path.label}:${m.key}`);
      const received = starts.get(path.receiver.by === "eventId" ? m.eventId : m.key);
      if (commit === undefined || arrived === undefined || received === undefined) continue;
      segments["sender tx"]?.push(commit - m.createdAt.getTime());
      segments["to send"]?.push(m.startedAt.getTime() - commit);
      segments["to receiver"]?.push(received - m.startedAt.getTime());
      segments["receiver tx"]?.push(arrived - received);
    }
    for (const [segment, samples] of Object.entries(segments)) {
      const { count, p50, p99, max } = spread(samples);
      rows.push({ path: path.path, segment, count, p50, p99, max });
    }
    rows.push({ path: path.path, segment: "retried", count: mine.filter((m) => m.attempts > 1).length });
  }
  return rows;
}

async function query<T>(databaseUrl: string, text: string, values: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}
