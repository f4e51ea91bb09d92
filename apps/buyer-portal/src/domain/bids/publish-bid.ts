import type { Bid } from "@lotbridge/contract/bid";
import type { BuyerTx } from "../../db/database";
import { publishEvent } from "../../integration/publish-event";
import { bidSnapshot } from "./bid-snapshot";
import type { BidRow, OfferRow } from "./bid-table";

export type BidEventType =
  | "bid.received"
  | "bid.accepted"
  | "bid.rejected"
  | "bid.withdrawn"
  | "bid.expired"
  | "bid.counter_offer"
  | "bid.counter_accepted"
  | "bid.counter_rejected";

/** Sends the producer portal the bid's new snapshot, with its thread (read unless given), in the transaction of the change. */
export async function publishBid(
  tx: BuyerTx,
  type: BidEventType,
  row: BidRow,
  lotNumber: string,
  now: Date,
  thread?: OfferRow[],
): Promise<Bid> {
  const bid = await bidSnapshot(tx, row, lotNumber, thread);
  await publishEvent(tx, type, bid, now);
  return bid;
}
