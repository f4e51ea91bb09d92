import type { EventEnvelope } from "@lotbridge/contract/event-envelope";
import type { EventFeedPage } from "@lotbridge/contract/event-feed";
import { DomainError } from "@lotbridge/contract/problem";
import { and, asc, eq, gt, isNull, or } from "drizzle-orm";
import type { BuyerDb } from "../db/database";
import { integrationEvents } from "./integration-tables";

/**
 * A page of `platform`'s events feed after `after` (a previous nextCursor): every lot event, and the events about its
 * own bids and contracts, never another platform's. The cursor is the last sequence number returned.
 * publishEvent makes events commit in sequence order, so an event with a smaller number than one already visible
 * can never appear later: a reader that moves its cursor forward misses nothing.
 */
export async function listEvents(
  db: BuyerDb,
  platform: string,
  after: string | undefined,
  limit: number,
): Promise<EventFeedPage> {
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
        or(isNull(integrationEvents.platform), eq(integrationEvents.platform, platform)),
      ),
    )
    .orderBy(asc(integrationEvents.seq))
    .limit(limit);
  const last = rows.at(-1);
  return { data: rows.map((row) => row.envelope as EventEnvelope), nextCursor: last ? String(last.seq) : null };
}
