import type { Contract } from "@lotbridge/contract/contract";
import { eq, sql } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { publishEvent } from "../../integration/publish-event";
import { contractSnapshot } from "./contract-snapshot";
import { type ContractRow, contracts } from "./contract-table";

/** Bumps the contract's version and sends `contract.updated` with the new snapshot, in the transaction of the change. */
export async function announceContractChange(tx: BuyerTx, row: ContractRow, now: Date): Promise<Contract> {
  const [changed] = await tx
    .update(contracts)
    .set({ version: sql`${contracts.version} + 1`, updatedAt: now })
    .where(eq(contracts.id, row.id))
    .returning();
  const contract = await contractSnapshot(tx, changed);
  await publishEvent(tx, "contract.updated", contract, now);
  return contract;
}
