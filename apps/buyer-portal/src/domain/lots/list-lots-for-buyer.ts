import type { LotStatus } from "@lotbridge/contract/lot";
import { matchesEveryWord } from "@lotbridge/db/matches-every-word";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { BuyerDb } from "../../db/database";
import { bids } from "../bids/bid-table";
import { lotSearchText, lots } from "./lot-table";

export interface BuyerLotFilter {
  /** Every word in number, title, commodity or description, ignoring case. */
  q?: string;
  status?: LotStatus;
  /** Exact commodity, ignoring case. */
  commodity?: string;
  /** 1-based page of `pageSize` lots, newest first. */
  page?: number;
  pageSize?: number;
}

/** One row of the buyer's lots list: the lot's own figures and what its bids add up to, exact decimals as stored. */
export interface BuyerLotListItem {
  id: string;
  number: string;
  title: string;
  commodity: string;
  status: LotStatus;
  volume: string;
  unit: string;
  currency: string;
  targetPrice: string | null;
  /** volume − allocated volume */
  openVolume: string;
  biddingDeadline: Date;
  /** Every bid ever placed on the lot, in any state. */
  bidCount: number;
  /** Bids still in play (submitted or countered). */
  liveBidCount: number;
  /** The lowest price per unit among live bids (the buyer pays it), or null without live bids. */
  bestLivePrice: string | null;
}

export interface BuyerLotList {
  lots: BuyerLotListItem[];
  /** How many lots match the filter, over every page. */
  total: number;
  page: number;
  pageSize: number;
  /** The organization's commodities, for the filter's choices. */
  commodities: string[];
}

export const LOTS_PAGE_SIZE = 50;

/**
 * The buyer organization's lots for its lots list, newest first, one page at a time, each with its bid count, best
 * live price and open volume. Two queries whatever the page holds: the page of lots with the bids' aggregates (the
 * lateral join reads each listed lot's bids through `bid_lot_idx`, after the page is cut, so a list of thousands of
 * lots reads the bids of fifty), and the organization's commodities. Never another organization's lot.
 */
export async function listLotsForBuyer(
  db: BuyerDb,
  organizationId: string,
  filter: BuyerLotFilter = {},
): Promise<BuyerLotList> {
  const pageSize = Math.min(Math.max(filter.pageSize ?? LOTS_PAGE_SIZE, 1), 200);
  const page = Math.max(Math.trunc(filter.page ?? 1), 1);
  const q = filter.q?.trim();
  const commodity = filter.commodity?.trim();
  const matching = and(
    eq(lots.organizationId, organizationId),
    filter.status ? eq(lots.status, filter.status) : undefined,
    commodity ? sql`lower(${lots.commodity}) = lower(${commodity})` : undefined,
    q ? matchesEveryWord(lotSearchText(lots), q) : undefined,
  );
  const pageOfLots = db
    .select({
      id: lots.id,
      number: lots.number,
      title: lots.title,
      commodity: lots.commodity,
      status: lots.status,
      volume: lots.volume,
      unit: lots.unit,
      currency: lots.currency,
      targetPrice: lots.targetPrice,
      openVolume: sql<string>`(${lots.volume} - ${lots.allocatedVolume})::text`.as("open_volume"),
      biddingDeadline: lots.biddingDeadline,
      createdAt: lots.createdAt,
      total: sql<number>`count(*) over ()`.mapWith(Number).as("total"),
    })
    .from(lots)
    .where(matching)
    .orderBy(desc(lots.createdAt), desc(lots.number))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .as("page_of_lots");
  const live = sql`${bids.status} in ('submitted', 'countered')`;
  const bidFigures = db
    .select({
      bidCount: sql<number>`count(*)`.mapWith(Number).as("bid_count"),
      liveBidCount: sql<number>`count(*) filter (where ${live})`.mapWith(Number).as("live_bid_count"),
      bestLivePrice: sql<string | null>`(min(${bids.pricePerUnit}) filter (where ${live}))::text`.as("best_live_price"),
    })
    .from(bids)
    .where(eq(bids.lotId, pageOfLots.id))
    .as("bid_figures");
  const [rows, commodities] = await Promise.all([
    db
      .select({
        id: pageOfLots.id,
        number: pageOfLots.number,
        title: pageOfLots.title,
        commodity: pageOfLots.commodity,
        status: pageOfLots.status,
        volume: pageOfLots.volume,
        unit: pageOfLots.unit,
        currency: pageOfLots.currency,
        targetPrice: pageOfLots.targetPrice,
        openVolume: pageOfLots.openVolume,
        biddingDeadline: pageOfLots.biddingDeadline,
        total: pageOfLots.total,
        bidCount: bidFigures.bidCount,
        liveBidCount: bidFigures.liveBidCount,
        bestLivePrice: bidFigures.bestLivePrice,
      })
      .from(pageOfLots)
      .leftJoinLateral(bidFigures, sql`true`)
      .orderBy(desc(pageOfLots.createdAt), desc(pageOfLots.number)),
    db
      .selectDistinct({ commodity: lots.commodity })
      .from(lots)
      .where(eq(lots.organizationId, organizationId))
      .orderBy(asc(lots.commodity)),
  ]);
  return {
    lots: rows.map(({ total: _, bidCount, liveBidCount, bestLivePrice, ...lot }) => ({
      ...lot,
      bidCount: bidCount ?? 0,
      liveBidCount: liveBidCount ?? 0,
      bestLivePrice: bestLivePrice ?? null,
    })),
    total: rows[0]?.total ?? (page > 1 ? await countMatching(db, matching) : 0),
    page,
    pageSize,
    commodities: commodities.map((row) => row.commodity),
  };
}

/** A page past the last one is empty; the total still tells the pager where the last one is. */
async function countMatching(db: BuyerDb, matching: ReturnType<typeof and>): Promise<number> {
  return db.$count(lots, matching);
}
