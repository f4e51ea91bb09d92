import type { Bid } from "@lotbridge/contract/bid";
import { eq } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { lots } from "../lots/lot-table";
import { bidSnapshot } from "./bid-snapshot";
import { findProducerBidRow } from "./find-producer-bid-row";
import type { ProducerCaller } from "./producer-caller";

/** A bid with its negotiation thread, for the producer organization that placed it only (anyone else: 404). */
export async function findBidForProducer(db: BuyerTx, caller: ProducerCaller, bidId: string): Promise<Bid> {
  return db.transaction(async (tx) => {
    const row = await findProducerBidRow(tx, caller, bidId);
    const [lot] = await tx.select({ number: lots.number }).from(lots).where(eq(lots.id, row.lotId));
    return bidSnapshot(tx, row, lot.number);
  });
}
