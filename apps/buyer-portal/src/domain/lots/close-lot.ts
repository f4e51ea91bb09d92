import type { Lot } from "@lotbridge/contract/lot";
import { DomainError } from "@lotbridge/contract/problem";
import type { BuyerTx } from "../../db/database";
import { closeLockedLot } from "./close-locked-lot";
import { lockOrganizationLot } from "./lock-organization-lot";
import type { LotChange } from "./lot-change";

/** The buyer ends bidding before the deadline. */
export async function closeLot(db: BuyerTx, lotId: string, { actor, publicUrl, now = new Date() }: LotChange) {
  return db.transaction(async (tx): Promise<Lot> => {
    const row = await lockOrganizationLot(tx, actor.organizationId, lotId);
    if (row.status !== "published") {
      throw new DomainError("lot-not-open", 409, `${row.number} is ${row.status}; only a published lot can be closed.`);
    }
    return closeLockedLot(tx, row, publicUrl, now);
  });
}
