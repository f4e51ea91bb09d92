import type { Lot } from "@lotbridge/contract/lot";
import type { BuyerTx } from "../../db/database";
import { publishEvent } from "../../integration/publish-event";
import { lotSnapshot } from "./lot-snapshot";
import type { LotRow } from "./lot-table";

export type LotEventType = "lot.published" | "lot.updated" | "lot.closed" | "lot.awarded" | "lot.cancelled";

/** Tells the producer portal about a lot's new state, in the transaction that changed it; returns the snapshot sent. */
export async function announceLot(tx: BuyerTx, type: LotEventType, row: LotRow, now: Date): Promise<Lot> {
  const lot = await lotSnapshot(tx, row);
  await publishEvent(tx, type, lot, now);
  return lot;
}
