import { organization } from "@lotbridge/auth/tables";
import type { Lot } from "@lotbridge/contract/lot";
import type { LotListingQuery } from "@lotbridge/contract/lot-listing";
import type { Page } from "@lotbridge/contract/page";
import { DomainError } from "@lotbridge/contract/problem";
import { matchesEveryWord } from "@lotbridge/db/matches-every-word";
import { and, asc, eq, gt, isNotNull, type SQL, sql } from "drizzle-orm";
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
 * Changed at or after `since`, and — the same lots, said so that the planner can use it — listed no earlier than the
 * first of them. Changes are mostly to recent lots, so the planner's walk in listing order, filtering on the change
 * time, would pass every older lot first (230 ms at 100,000); the bound starts the walk at the first one that changed.
 * `+ 0` keeps min() on the index of change times (reading only the lots changed since) instead of the same walk.
 */
function changedSince(status: LotListingQuery["status"], since: Date): SQL {
  return sql`${lots.updatedAt} >= ${since} and ${lots.publishedSeq} >= (
    select min(${lots.publishedSeq} + 0) from ${lots}
    where ${lots.status} = ${status} and ${lots.publishedSeq} is not null and ${lots.updatedAt} >= ${since})`;
}

/**
 * Lots producers may see, in the order they were published (`published_seq`). The cursor is the last position
 * returned: a position is drawn once and publications commit in position order (see publishLot), so paging returns
 * every lot exactly once however many are published meanwhile, and new ones appear on later pages.
 */
export async function listExternalLots(db: BuyerDb, query: LotListingQuery): Promise<Page<Lot>> {
  const after = position(query.cursor);
  const rows = await db
    .select({ lot: lots, orgName: organization.name })
    .from(lots)
    .innerJoin(organization, eq(organization.id, lots.organizationId))
    .where(
      and(
        isNotNull(lots.publishedSeq),
        eq(lots.status, query.status),
        gt(lots.publishedSeq, after),
        query.commodity ? sql`lower(${lots.commodity}) = lower(${query.commodity})` : undefined,
        query.updatedSince ? changedSince(query.status, new Date(query.updatedSince)) : undefined,
        query.q ? matchesEveryWord(lotSearchText(lots), query.q) : undefined,
      ),
    )
    .orderBy(asc(lots.publishedSeq))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    data: page.map((row) => lotView(row.lot, row.orgName)),
    nextCursor: rows.length > query.limit ? String(page.at(-1)?.lot.publishedSeq) : null,
  };
}
