import type { BidListQuery, BidPage } from "@lotbridge/contract/bid-list";
import { DomainError } from "@lotbridge/contract/problem";
import { and, asc, eq, gte, sql } from "drizzle-orm";
import type { BuyerDb } from "../db/database";
import { bidSnapshot } from "../domain/bids/bid-snapshot";
import { bids } from "../domain/bids/bid-table";
import { lots } from "../domain/lots/lot-table";

/** Whose bids: the calling platform's, and of one of its producer organizations when it names one. */
export interface BidListReader {
  platform: string;
  organizationId?: string;
}

/**
 * A page of the platform's bids, least recently changed first, with their threads: how a platform finds out what it
 * has on the buyer portal, or what changed since `updatedSince`. Another platform's bids are never in it, whatever
 * the filter. The cursor is the last bid's (updated_at, id), so paging returns every bid once even when several
 * changed in the same microsecond; a bid changed while paging moves to a later page.
 */
export async function listPlatformBids(db: BuyerDb, reader: BidListReader, query: BidListQuery): Promise<BidPage> {
  const after = query.cursor === undefined ? undefined : readCursor(query.cursor);
  const rows = await db
    .select({
      bid: bids,
      lotNumber: lots.number,
      position: sql<string>`to_char(${bids.updatedAt} at time zone 'UTC', ${POSITION_FORMAT})`,
    })
    .from(bids)
    .innerJoin(lots, eq(lots.id, bids.lotId))
    .where(
      and(
        eq(bids.producerPlatform, reader.platform),
        reader.organizationId ? eq(bids.bidderOrganizationId, reader.organizationId) : undefined,
        query.updatedSince ? gte(bids.updatedAt, new Date(query.updatedSince)) : undefined,
        after ? sql`(${bids.updatedAt}, ${bids.id}) > (${after.at}::timestamptz, ${after.id})` : undefined,
      ),
    )
    .orderBy(asc(bids.updatedAt), asc(bids.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: await Promise.all(page.map((row) => bidSnapshot(db, row.bid, row.lotNumber))),
    nextCursor: rows.length > query.limit && last ? writeCursor(last.position, last.bid.id) : null,
  };
}

const POSITION_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"';
const POSITION = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

/** A moment as written by POSITION_FORMAT that PostgreSQL reads back as written (no 30 February, no year 0). */
function isPosition(at: unknown): at is string {
  if (typeof at !== "string" || !POSITION.test(at)) return false;
  const time = Date.parse(at);
  return time >= 0 && new Date(time).toISOString().slice(0, 19) === at.slice(0, 19);
}

function writeCursor(at: string, id: string): string {
  return Buffer.from(JSON.stringify([at, id])).toString("base64url");
}

function readCursor(cursor: string): { at: string; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (typeof at === "string" && isPosition(at) && typeof id === "string" && /^bid_[a-z0-9]{1,40}$/.test(id)) {
      return { at, id };
    }
  } catch {
    // falls through to the refusal below
  }
  throw new DomainError("validation", 422, "cursor: must be a nextCursor from a previous page.", [
    { field: "cursor", message: "must be a nextCursor from a previous page" },
  ]);
}
