import { DomainError } from "@lotbridge/contract/problem";
import { eq } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { type LotRow, lots } from "../lots/lot-table";
import type { BidRow } from "./bid-table";
import { findProducerBidRow } from "./find-producer-bid-row";
import type { ProducerCaller } from "./producer-caller";

/**
 * The caller's bid and its lot, both locked (the lot first, as every change of a lot takes it), for a change the
 * producer may make only while the buyer has not answered: the bid must still be `submitted`.
 */
export async function lockSubmittedBid(
  tx: BuyerTx,
  caller: ProducerCaller,
  bidId: string,
  action: string,
): Promise<{ lot: LotRow; row: BidRow }> {
  const { lotId } = await findProducerBidRow(tx, caller, bidId);
  const [lot] = await tx.select().from(lots).where(eq(lots.id, lotId)).for("update");
  const row = await findProducerBidRow(tx, caller, bidId, { lock: true });
  if (row.status !== "submitted") {
    throw new DomainError(
      "bid-not-submitted",
      409,
      `Bid ${row.id} is ${row.status}; only a submitted bid can be ${action}.`,
    );
  }
  return { lot, row };
}
