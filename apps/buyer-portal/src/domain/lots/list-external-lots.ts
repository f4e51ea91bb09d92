import { organization } from "@lotbridge/auth/tables";
import type { Lot } from "@lotbridge/contract/lot";
import type { LotListingQuery } from "@lotbridge/contract/lot-listing";
import type { Page } from "@lotbridge/contract/page";
import { DomainError } from "@lotbridge/contract/problem";
import { matchesEveryWord } from "@lotbridge/db/matches-every-word";
import { and, asc, eq, gt, gte, isNotNull, sql } from "drizzle-orm";
import type { BuyerDb } from "../../db/database";
import { lots } from "./lot-table";
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
        query.updatedSince ? gte(lots.updatedAt, new Date(query.updatedSince)) : undefined,
        query.q
          ? matchesEveryWord(
              sql`concat_ws(' ', ${lots.number}, ${lots.title}, ${lots.commodity}, ${lots.description})`,
              query.q,
            )
          : undefined,
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
