import { notFound } from "@lotbridge/contract/problem";
import { and, eq } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { type LotRow, lots } from "../lots/lot-table";
import { type BidRow, bids } from "./bid-table";
import { findProducerBidRow } from "./find-producer-bid-row";
import type { ProducerCaller } from "./producer-caller";

/**
 * A bid on one of the buyer organization's lots, and its lot, both locked — the lot first, as every change of a lot
 * takes it. A bid on another organization's lot is not found.
 */
export async function lockBuyerBid(
  tx: BuyerTx,
  organizationId: string,
  bidId: string,
): Promise<{ lot: LotRow; row: BidRow }> {
  const [found] = await tx.select({ lotId: bids.lotId }).from(bids).where(eq(bids.id, bidId));
  const [lot] = found
    ? await tx
        .select()
        .from(lots)
        .where(and(eq(lots.id, found.lotId), eq(lots.organizationId, organizationId)))
        .for("update")
    : [];
  if (!lot) throw notFound("Bid");
  const [row] = await tx.select().from(bids).where(eq(bids.id, bidId)).for("update");
  return { lot, row };
}

/** The caller's bid and its lot, both locked, the lot first; anyone else's bid is not found. */
export async function lockProducerBid(
  tx: BuyerTx,
  caller: ProducerCaller,
  bidId: string,
): Promise<{ lot: LotRow; row: BidRow }> {
  const { lotId } = await findProducerBidRow(tx, caller, bidId);
  const [lot] = await tx.select().from(lots).where(eq(lots.id, lotId)).for("update");
  const row = await findProducerBidRow(tx, caller, bidId, { lock: true });
  return { lot, row };
}
