import type { Contract } from "@lotbridge/contract/contract";
import { DomainError } from "@lotbridge/contract/problem";
import { eq } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { announceContractChange } from "./announce-contract";
import { contractStatusChanges, contracts } from "./contract-table";
import { findContractRow } from "./find-contract";

/**
 * The buyer declares an active contract fulfilled (delivered and paid), with an optional note both parties read.
 * Final. The portals track neither deliveries nor payments, so the system of record's word is what completes it.
 */
export function completeContract(
  db: BuyerTx,
  organizationId: string,
  contractId: string,
  note: string,
  now = new Date(),
): Promise<Contract> {
  return db.transaction(async (tx) => {
    const row = await findContractRow(tx, { party: "buyer", organizationId }, contractId, { lock: true });
    if (row.status !== "active") {
      throw new DomainError(
        "contract-not-completable",
        409,
        `Contract ${row.number} is ${row.status}; only an active contract (signed by both parties) can be completed.`,
      );
    }
    await tx.update(contracts).set({ status: "completed" }).where(eq(contracts.id, row.id));
    await tx
      .insert(contractStatusChanges)
      .values({ contractId: row.id, status: "completed", at: now, reason: note || null });
    return announceContractChange(tx, row, now);
  });
}
