import type { Lot } from "@lotbridge/contract/lot";
import { and, asc, eq, lte } from "drizzle-orm";
import type { BuyerDb } from "../../db/database";
import { closeLockedLot } from "./close-locked-lot";
import { lots } from "./lot-table";

/**
 * Closes every published lot whose bidding deadline is at or before `now`, one transaction per lot. Lots another
 * transaction holds (a buyer editing it, another instance's job) are skipped and picked up by a later run; the
 * state is read under the lock, so a lot just cancelled or moved to a later deadline is left alone.
 */
export async function closeExpiredLots(db: BuyerDb, now: Date, { publicUrl }: { publicUrl: string }): Promise<Lot[]> {
  const closed: Lot[] = [];
  for (;;) {
    const lot = await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(lots)
        .where(and(eq(lots.status, "published"), lte(lots.biddingDeadline, now)))
        .orderBy(asc(lots.biddingDeadline))
        .limit(1)
        .for("update", { skipLocked: true });
      return row ? closeLockedLot(tx, row, publicUrl, now) : undefined;
    });
    if (!lot) return closed;
    closed.push(lot);
  }
}
