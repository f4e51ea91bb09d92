import type { Lot } from "@lotbridge/contract/lot";
import type { Page } from "@lotbridge/contract/page";
import { prefixedId } from "@lotbridge/contract/prefixed-id";
import { DomainError } from "@lotbridge/contract/problem";
import { matchesEveryWord } from "@lotbridge/db/matches-every-word";
import { and, eq, gt, gte, lte, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { ProducerDb } from "../../db/database";
import { marketLots } from "./market-lot-table";
import type { MarketplaceLot } from "./marketplace-lot";
import { type MarketplaceQuery, type MarketplaceSort, marketplaceSorts } from "./marketplace-query";

/**
 * The last row's sort value, printed by PostgreSQL in UTC to the microsecond (exact, unlike a JavaScript Date), and its
 * lot id. A cursor comes back from the caller, so every part is checked before it reaches a query: a key that is no
 * real moment, or an id with a NUL, would fail there instead of being refused.
 */
const cursorSchema = z.object({
  sort: z.enum(marketplaceSorts),
  key: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/)
    .refine((key) => key.slice(0, 4) !== "0000" && new Date(key).toISOString().slice(0, 19) === key.slice(0, 19)),
  id: prefixedId("lot"),
});
type Cursor = z.infer<typeof cursorSchema>;

const KEY_FORMAT = `YYYY-MM-DD"T"HH24:MI:SS.US"Z"`;
const encode = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString("base64url");

function decode(text: string | undefined, sort: MarketplaceSort): Cursor | undefined {
  if (text === undefined) return undefined;
  try {
    const cursor = cursorSchema.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    if (cursor.success && cursor.data.sort === sort) return cursor.data;
  } catch {
    // Falls through to the refusal: a cursor is only ever one this function made.
  }
  throw new DomainError("validation", 422, "cursor: must be a nextCursor from a previous page with the same sort.", [
    { field: "cursor", message: "must be a nextCursor from a previous page with the same sort" },
  ]);
}

const ORDER: Record<MarketplaceSort, { column: typeof marketLots.biddingDeadline; direction: "asc" | "desc" }> = {
  // Soonest deadline first: what must be bid on now.
  deadline: { column: marketLots.biddingDeadline, direction: "asc" },
  // Latest publication first. Keyed on the publication time, which never changes, so paging is stable.
  newest: { column: marketLots.publishedAt, direction: "desc" },
};

/**
 * Lots open for bids — published, deadline still ahead — from the replica, so it answers while the buyer portal is
 * down. Filters: words in the lot's text, commodity (any case), a delivery window that overlaps the one asked for,
 * part of the delivery location, and the lot's volume. Keyset pages on (sort value, id).
 */
export async function listMarketplaceLots(
  db: ProducerDb,
  query: MarketplaceQuery,
  now = new Date(),
): Promise<Page<MarketplaceLot>> {
  const cursor = decode(query.cursor, query.sort);
  const { column, direction } = ORDER[query.sort];
  const after: SQL | undefined = cursor
    ? direction === "asc"
      ? sql`(${column}, ${marketLots.id}) > (${cursor.key}::timestamptz, ${cursor.id})`
      : sql`(${column}, ${marketLots.id}) < (${cursor.key}::timestamptz, ${cursor.id})`
    : undefined;
  const rows = await db
    .select({
      snapshot: marketLots.snapshot,
      remainingVolume: sql<string>`(${marketLots.volume} - ${marketLots.allocatedVolume})::text`,
      key: sql<string>`to_char(${column} at time zone 'UTC', ${KEY_FORMAT})`,
      id: marketLots.id,
    })
    .from(marketLots)
    .where(
      and(
        eq(marketLots.status, "published"),
        gt(marketLots.biddingDeadline, now),
        query.q ? matchesEveryWord(sql`${marketLots.searchText}`, query.q) : undefined,
        query.commodity ? sql`lower(${marketLots.commodity}) = lower(${query.commodity})` : undefined,
        query.location ? matchesEveryWord(sql`${marketLots.deliveryLocation}`, query.location) : undefined,
        query.deliveryFrom ? gte(marketLots.deliveryEnd, query.deliveryFrom) : undefined,
        query.deliveryTo ? lte(marketLots.deliveryStart, query.deliveryTo) : undefined,
        query.minVolume ? gte(marketLots.volume, query.minVolume) : undefined,
        query.maxVolume ? lte(marketLots.volume, query.maxVolume) : undefined,
        after,
      ),
    )
    .orderBy(
      direction === "asc" ? sql`${column} asc, ${marketLots.id} asc` : sql`${column} desc, ${marketLots.id} desc`,
    )
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((row) => ({ ...(row.snapshot as Lot), remainingVolume: row.remainingVolume })),
    nextCursor: rows.length > query.limit && last ? encode({ sort: query.sort, key: last.key, id: last.id }) : null,
  };
}
