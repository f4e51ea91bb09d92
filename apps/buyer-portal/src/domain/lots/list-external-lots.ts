import { organization } from "@lotbridge/auth/tables";
import type { Lot } from "@lotbridge/contract/lot";
import type { LotListingQuery } from "@lotbridge/contract/lot-listing";
import type { Page } from "@lotbridge/contract/page";
import { DomainError } from "@lotbridge/contract/problem";
import { matchesEveryWord } from "@lotbridge/db/matches-every-word";
import { and, asc, eq, gt, gte, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import type { BuyerDb } from "../../db/database";
import { lotSearchText, lots } from "./lot-table";
import { lotView } from "./lot-view";

function position(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  if (!/^\d{1,15}$/.test(cursor)) {
    throw new DomainError("validation", 422, "cursor: must be a nextCursor from a previous page.", [
      { field: "cursor", message: "must be a nextCursor from a previous page" },
    ]);
  }
  return Number(cursor);
}

/**
 * The first `count` positions of the lots `listed` selects, found among the lots changed since updatedSince rather
 * than by walking the listing order. Changes are no more likely on the first lots listed than on the last ones, which
 * is what the planner's walk assumes: when the few that changed are the latest, it passed every older lot first
 * (145-230 ms at 100,000). Ordering by `published_seq + 0` rules the walk out, so the changed lots are read from the
 * index of change times (index only) and the first `count` of them kept: about a millisecond for a few hundred
 * changes, tens of milliseconds when every one of 100,000 changed (a first sync leaves updatedSince out).
 */
function changedFirst(db: BuyerDb, listed: SQL | undefined, count: number) {
  return db
    .select({ position: lots.publishedSeq })
    .from(lots)
    .where(listed)
    .orderBy(sql`${lots.publishedSeq} + 0`)
    .limit(count);
}

/**
 * Lots producers may see, in the order they were published (`published_seq`). The cursor is the last position
 * returned: a position is drawn once and publications commit in position order (see publishLot), so paging returns
 * every lot exactly once however many are published meanwhile, and new ones appear on later pages.
 */
export async function listExternalLots(db: BuyerDb, query: LotListingQuery): Promise<Page<Lot>> {
  const after = position(query.cursor);
  const listed = and(
    isNotNull(lots.publishedSeq),
    eq(lots.status, query.status),
    gt(lots.publishedSeq, after),
    query.commodity ? sql`lower(${lots.commodity}) = lower(${query.commodity})` : undefined,
    query.updatedSince ? gte(lots.updatedAt, new Date(query.updatedSince)) : undefined,
    query.q ? matchesEveryWord(lotSearchText(lots), query.q) : undefined,
  );
  const rows = await db
    .select({ lot: lots, orgName: organization.name })
    .from(lots)
    .innerJoin(organization, eq(organization.id, lots.organizationId))
    .where(query.updatedSince ? inArray(lots.publishedSeq, changedFirst(db, listed, query.limit + 1)) : listed)
    .orderBy(asc(lots.publishedSeq))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    data: page.map((row) => lotView(row.lot, row.orgName)),
    nextCursor: rows.length > query.limit ? String(page.at(-1)?.lot.publishedSeq) : null,
  };
}
