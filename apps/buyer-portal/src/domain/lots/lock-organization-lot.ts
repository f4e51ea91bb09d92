import { notFound } from "@lotbridge/contract/problem";
import { and, eq } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { type LotRow, lots } from "./lot-table";

/**
 * The lot, locked until the transaction ends, so that a state change decides on the state it then writes over.
 * Another organization's lot is not found: for a buyer it does not exist.
 */
export async function lockOrganizationLot(tx: BuyerTx, organizationId: string, lotId: string): Promise<LotRow> {
  const [row] = await tx
    .select()
    .from(lots)
    .where(and(eq(lots.id, lotId), eq(lots.organizationId, organizationId)))
    .for("update");
  if (!row) throw notFound("Lot");
  return row;
}
