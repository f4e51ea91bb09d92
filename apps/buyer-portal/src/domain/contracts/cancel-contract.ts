import type { Contract } from "@lotbridge/contract/contract";
import { compareDecimals, subtractDecimals } from "@lotbridge/contract/decimal";
import { DomainError } from "@lotbridge/contract/problem";
import { eq, sql } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { announceLot } from "../lots/announce-lot";
import { lockOrganizationLot } from "../lots/lock-organization-lot";
import { lots } from "../lots/lot-table";
import { announceContractChange } from "./announce-contract";
import { contractStatusChanges, contracts } from "./contract-table";
import { findContractRow } from "./find-contract";

/**
 * The buyer cancels a contract before it is active, with a reason both parties read. Its volume returns to the lot:
 * an awarded lot reopens (`published` before its deadline, `closed` after) and producers see the open volume again.
 */
export function cancelContract(
  db: BuyerTx,
  organizationId: string,
  contractId: string,
  reason: string,
  now = new Date(),
): Promise<Contract> {
  return db.transaction(async (tx) => {
    const { lotId } = await findContractRow(tx, { party: "buyer", organizationId }, contractId);
    const lot = await lockOrganizationLot(tx, organizationId, lotId);
    const row = await findContractRow(tx, { party: "buyer", organizationId }, contractId, { lock: true });
    if (row.status !== "pending_signature") {
      throw new DomainError(
        "contract-not-cancellable",
        409,
        `Contract ${row.number} is ${row.status}; only a contract awaiting signatures can be cancelled.`,
      );
    }
    await tx.update(contracts).set({ status: "cancelled", cancellationReason: reason }).where(eq(contracts.id, row.id));
    await tx.insert(contractStatusChanges).values({ contractId: row.id, status: "cancelled", at: now, reason });
    const allocated = subtractDecimals(lot.allocatedVolume, row.volume);
    const reopened = lot.status === "awarded" ? (lot.biddingDeadline > now ? "published" : "closed") : lot.status;
    const [released] = await tx
      .update(lots)
      .set({
        allocatedVolume: compareDecimals(allocated, "0") < 0 ? "0" : allocated,
        status: reopened,
        version: sql`${lots.version} + 1`,
        updatedAt: now,
      })
      .where(eq(lots.id, lot.id))
      .returning();
    await announceLot(tx, "lot.updated", released, now);
    return announceContractChange(tx, row, now);
  });
}
