import type { EventEnvelope } from "@lotbridge/contract/event-envelope";
import type { EventFeedPage } from "@lotbridge/contract/event-feed";
import { DomainError } from "@lotbridge/contract/problem";
import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import type { BuyerDb } from "../db/database";
import { integrationEvents } from "./integration-tables";

/**
 * A page of `platform`'s events feed after `after` (a previous nextCursor): every lot event, and the events about its
 * own bids and contracts, never another platform's.
 *
 * Publishers take no lock (docs/decisions/0016), so events commit in any order. The feed is ordered by the writing
 * transaction's id, then the sequence number, and shows only events whose transaction is older than the oldest one
 * still in flight (SETTLED_BELOW): every transaction that commits later has an id at least that large, so it can only
 * add events after the last one shown. A reader that moves its cursor forward misses nothing; an event appears once
 * every transaction that started writing before it has ended.
 *
 * The cursor is `<tx>.<seq>` of the last event returned. A cursor of digits alone (issued before the column existed)
 * is the sequence number of an event written before it, all of which have tx 0.
 */
export async function listEvents(
  db: BuyerDb,
  platform: string,
  after: string | undefined,
  limit: number,
): Promise<EventFeedPage> {
  const position = parseCursor(after);
  const rows = await db
    .select({ tx: integrationEvents.tx, seq: integrationEvents.seq, envelope: integrationEvents.envelope })
    .from(integrationEvents)
    .where(
      and(
        sql`(${integrationEvents.tx}, ${integrationEvents.seq}) > (${position.tx}::bigint, ${position.seq}::bigint)`,
        sql`${integrationEvents.tx} < (${SETTLED_BELOW})`,
        or(isNull(integrationEvents.platform), eq(integrationEvents.platform, platform)),
      ),
    )
    .orderBy(asc(integrationEvents.tx), asc(integrationEvents.seq))
    .limit(limit);
  const last = rows.at(-1);
  return {
    data: rows.map((row) => row.envelope as EventEnvelope),
    nextCursor: last ? `${last.tx}.${last.seq}` : null,
  };
}

/**
 * The oldest transaction id still in flight in the statement's snapshot, leaving out transactions that another
 * database's sessions are seen running (they cannot write this table), or the snapshot's xmax when none is. A
 * transaction of this database is never left out: if it ended between the snapshot and the look at pg_stat_activity,
 * it is kept (the horizon is only held back); and a session whose transaction id we may not see counts as ours. So a
 * long transaction in another database on the same server does not hold this feed back, and nothing is ever skipped.
 */
const SETTLED_BELOW = sql`
  with snapshot as (select pg_current_snapshot() as s),
  elsewhere as (
    select backend_xid::text::bigint as xid from pg_stat_activity
    where backend_xid is not null and datid is distinct from (select oid from pg_database where datname = current_database())
  )
  select coalesce(
    (select min(x::text::bigint) from snapshot, pg_snapshot_xip(snapshot.s) as x
      where x::text::bigint % 4294967296 not in (select xid from elsewhere)),
    (select pg_snapshot_xmax(s)::text::bigint from snapshot)
  )`;

function parseCursor(after: string | undefined): { tx: string; seq: string } {
  if (after === undefined) return { tx: "0", seq: "0" };
  const match = /^(?:(\d{1,19})\.)?(\d{1,19})$/.exec(after);
  if (!match || BigInt(match[1] ?? 0) >= 2n ** 63n || BigInt(match[2] ?? 0) >= 2n ** 63n) {
    throw new DomainError("validation", 422, "after: must be a nextCursor from a previous page.", [
      { field: "after", message: "must be a nextCursor from a previous page" },
    ]);
  }
  return { tx: match[1] ?? "0", seq: match[2] ?? "0" };
}
