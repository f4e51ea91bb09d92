import type { Lot } from "@lotbridge/contract/lot";
import { DomainError } from "@lotbridge/contract/problem";
import { eq } from "drizzle-orm";
import type { ProducerTx } from "../../db/database";
import { marketLots } from "../marketplace/market-lot-table";

export interface OpenLot {
  id: string;
  number: string;
  snapshot: Lot;
}

const refuse = (status: number, code: string, message: string, sentence: string) =>
  new DomainError(code, status, sentence, [{ field: "lotId", message }]);

/**
 * The lot from this portal's replica, if producers may bid on it now; else a problem naming `lotId`. Its terms
 * (`snapshot`) are what the bid rules of @lotbridge/contract/bid-terms check a bid against.
 */
export async function findOpenLot(tx: ProducerTx, lotId: string, now: Date): Promise<OpenLot> {
  const [lot] = await tx.select().from(marketLots).where(eq(marketLots.id, lotId));
  const snapshot = lot?.snapshot;
  if (!lot || !snapshot || lot.status === "draft" || lot.status === "deleted") {
    throw refuse(404, "lot-not-found", "no such lot", "That lot was not found in the marketplace.");
  }
  if (lot.status !== "published" || new Date(snapshot.biddingDeadline) <= now) {
    throw refuse(409, "lot-not-open", "is not open for bids", `${lot.number} is not open for bids.`);
  }
  return { id: lot.id, number: lot.number, snapshot };
}
