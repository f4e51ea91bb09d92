import { DomainError } from "@lotbridge/contract/problem";
import { eq } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { type ContractRow, contractStatusChanges, contracts } from "../contracts/contract-table";

/**
 * Refuses a dispatch or ticket unless the contract is open for deliveries (`active` or `in_delivery`, else 409
 * `contract-not-deliverable`); the first one moves an active contract to `in_delivery`, with its history row.
 * Call it under the contract's row lock, before anything of the change is written.
 */
export function requireDeliverable(row: ContractRow, what: string): void {
  if (row.status !== "active" && row.status !== "in_delivery") {
    throw new DomainError(
      "contract-not-deliverable",
      409,
      `Contract ${row.number} is ${row.status.replaceAll("_", " ")}; ${what} can be recorded only while it is active or in delivery.`,
    );
  }
}

/** Moves an active contract to `in_delivery` (the first dispatch or ticket); an `in_delivery` one stays. */
export async function startDelivery(tx: BuyerTx, row: ContractRow, now: Date): Promise<void> {
  if (row.status !== "active") return;
  await tx.update(contracts).set({ status: "in_delivery" }).where(eq(contracts.id, row.id));
  await tx.insert(contractStatusChanges).values({ contractId: row.id, status: "in_delivery", at: now, reason: null });
}
