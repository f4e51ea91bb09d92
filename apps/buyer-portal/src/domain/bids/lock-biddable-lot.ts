import { DomainError } from "@lotbridge/contract/problem";
import { eq } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { type LotRow, lots } from "../lots/lot-table";

/**
 * The lot a producer bids on, locked until the transaction ends, so that bids, revisions, the buyer's edits and the
 * deadline job decide one after another on the state they then write over. Drafts are private: not found.
 */
export async function lockBiddableLot(tx: BuyerTx, lotId: string, now: Date): Promise<LotRow> {
  const [lot] = await tx.select().from(lots).where(eq(lots.id, lotId)).for("update");
  if (!lot || lot.status === "draft") {
    throw new DomainError("lot-not-found", 404, `No lot with id ${lotId} is open to producers.`, [
      { field: "lotId", message: "names no lot open to producers" },
    ]);
  }
  if (lot.status !== "published" || lot.biddingDeadline <= now) {
    const why = lot.status === "published" ? "its bidding deadline has passed" : `it is ${lot.status}`;
    throw new DomainError("lot-not-open", 409, `${lot.number} takes no bids: ${why}.`, [
      { field: "lotId", message: `takes no bids: ${why}` },
    ]);
  }
  return lot;
}
