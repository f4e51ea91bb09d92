import type { EventEnvelope } from "@lotbridge/contract/event-envelope";
import type { EventFeedPage } from "@lotbridge/contract/event-feed";
import { DomainError } from "@lotbridge/contract/problem";
import { and, asc, gt, sql } from "drizzle-orm";
import type { BuyerDb } from "../../db/database";
import { integrationEvents } from "./integration-tables";

/**
 * A page of the events feed after `after` (a previous nextCursor). Events of transactions that are still open are
 * held back — including every event behind them — so a page never skips an event that commits later with a smaller
 * sequence number. The cursor is the last sequence number returned.
 */
export async function listEvents(db: BuyerDb, after: string | undefined, limit: number): Promise<EventFeedPage> {
  if (after !== undefined && !/^\d{1,18}$/.test(after)) {
    throw new DomainError("validation", 422, "after: must be a nextCursor from a previous page.", [
      { field: "after", message: "must be a nextCursor from a previous page" },
    ]);
  }
  const rows = await db
    .select({ seq: integrationEvents.seq, envelope: integrationEvents.envelope })
    .from(integrationEvents)
    .where(
      and(
        gt(integrationEvents.seq, Number(after ?? 0)),
        sql`${integrationEvents.tx} < pg_snapshot_xmin(pg_current_snapshot())`,
      ),
    )
    .orderBy(asc(integrationEvents.seq))
    .limit(limit);
  const last = rows.at(-1);
  return { data: rows.map((row) => row.envelope as EventEnvelope), nextCursor: last ? String(last.seq) : null };
}
