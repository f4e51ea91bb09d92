import type { Bid } from "@lotbridge/contract/bid";
import { and, asc, eq, inArray, lte, notInArray, sql } from "drizzle-orm";
import type { BuyerDb } from "../../db/database";
import { lots } from "../lots/lot-table";
import { announceBid } from "./announce-bid";
import { bids, liveBidStatuses, offers } from "./bid-table";

/**
 * Expires every live bid (`submitted` or `countered`) whose pending offer's `expiresAt` is at or before `now` — the
 * bid's `validUntil` for the producer's rounds, the counter-offer's own expiry for the buyer's — one transaction per
 * bid: its pending offer expires too, `bid.expired` is sent and the buyer organization told (in-app by default).
 * Like every bid change it locks the lot first (waiting for a transaction holding it), then the bid, and decides on the
 * state read under those locks: a bid withdrawn, decided or given a later `validUntil` meanwhile is left alone, and
 * one another process (another instance's job) has just expired is not expired again. Skipping locked lots instead
 * could let two runs each pass over a bid the other was about to reach. Returns the expired bids, oldest
 * `validUntil` first.
 */
const pendingOfferOf = and(eq(offers.bidId, bids.id), eq(offers.status, "pending"));

export async function expireBids(db: BuyerDb, now: Date, { publicUrl }: { publicUrl: string }): Promise<Bid[]> {
  const expired: Bid[] = [];
  // Bids that no longer qualified under the lock (another process expired them, or they changed meanwhile): not tried
  // again in this run, so the run ends.
  const passed: string[] = [];
  for (;;) {
    const [candidate] = await db
      .select({ id: bids.id, lotId: bids.lotId })
      .from(bids)
      .innerJoin(offers, pendingOfferOf)
      .where(
        and(
          inArray(bids.status, [...liveBidStatuses]),
          lte(offers.expiresAt, now),
          passed.length > 0 ? notInArray(bids.id, passed) : undefined,
        ),
      )
      .orderBy(asc(offers.expiresAt), asc(bids.id))
      .limit(1);
    if (!candidate) return expired;
    const bid = await db.transaction(async (tx) => {
      const [lot] = await tx.select().from(lots).where(eq(lots.id, candidate.lotId)).for("update");
      if (!lot) return undefined;
      const [live] = await tx
        .select({ bid: bids })
        .from(bids)
        .innerJoin(offers, pendingOfferOf)
        .where(and(eq(bids.id, candidate.id), inArray(bids.status, [...liveBidStatuses]), lte(offers.expiresAt, now)))
        .for("update", { of: bids });
      if (!live) return undefined;
      const row = live.bid;
      const [expiredRow] = await tx
        .update(bids)
        .set({ status: "expired", version: sql`${bids.version} + 1`, updatedAt: now })
        .where(eq(bids.id, row.id))
        .returning();
      await tx
        .update(offers)
        .set({ status: "expired" })
        .where(and(eq(offers.bidId, row.id), eq(offers.status, "pending")));
      return announceBid(tx, { publicUrl, now }, lot, expiredRow, "expired");
    });
    if (bid) expired.push(bid);
    else passed.push(candidate.id);
  }
}
