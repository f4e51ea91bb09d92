import type { Lot } from "@lotbridge/contract/lot";
import { eq, sql } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { announceLot } from "./announce-lot";
import { type LotRow, lots } from "./lot-table";
import { tellBuyerAboutLot } from "./tell-buyer-about-lot";

/**
 * Ends bidding on a published lot the caller has locked: by the buyer's hand or at its deadline, the effect is the
 * same — `lot.closed` to producers, and the buyer's organization is told it can decide.
 */
export async function closeLockedLot(tx: BuyerTx, row: LotRow, publicUrl: string, now: Date): Promise<Lot> {
  const [closed] = await tx
    .update(lots)
    .set({ status: "closed", version: sql`${lots.version} + 1`, updatedAt: now })
    .where(eq(lots.id, row.id))
    .returning();
  const lot = await announceLot(tx, "lot.closed", closed, now);
  await tellBuyerAboutLot(tx, publicUrl, lot, "closed");
  return lot;
}
