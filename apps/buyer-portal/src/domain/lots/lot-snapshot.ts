import { organization } from "@lotbridge/auth/tables";
import type { Lot } from "@lotbridge/contract/lot";
import { eq } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import type { LotRow } from "./lot-table";
import { lotView } from "./lot-view";

/** A stored lot as the API and its events show it, with its buyer organization's name. */
export async function lotSnapshot(tx: BuyerTx, row: LotRow): Promise<Lot> {
  const [owner] = await tx
    .select({ name: organization.name })
    .from(organization)
    .where(eq(organization.id, row.organizationId));
  return lotView(row, owner?.name ?? "");
}
