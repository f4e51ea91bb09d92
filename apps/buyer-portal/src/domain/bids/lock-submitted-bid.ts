import { DomainError } from "@lotbridge/contract/problem";
import type { BuyerTx } from "../../db/database";
import type { LotRow } from "../lots/lot-table";
import type { BidRow } from "./bid-table";
import { lockProducerBid } from "./lock-bid";
import type { ProducerCaller } from "./producer-caller";

/** The caller's bid and its lot, locked, for a change the producer may make only while it is still `submitted`. */
export async function lockSubmittedBid(
  tx: BuyerTx,
  caller: ProducerCaller,
  bidId: string,
  action: string,
): Promise<{ lot: LotRow; row: BidRow }> {
  const locked = await lockProducerBid(tx, caller, bidId);
  if (locked.row.status !== "submitted") {
    throw new DomainError(
      "bid-not-submitted",
      409,
      `Bid ${locked.row.id} is ${locked.row.status}; only a submitted bid can be ${action}.`,
    );
  }
  return locked;
}
