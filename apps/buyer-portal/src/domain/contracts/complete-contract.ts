import type { Contract } from "@lotbridge/contract/contract";
import { DomainError } from "@lotbridge/contract/problem";
import { eq } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { contractDispatches, deliveryTickets } from "../deliveries/delivery-tables";
import { announceContractChange } from "./announce-contract";
import { contractStatusChanges, contracts } from "./contract-table";
import { findContractRow } from "./find-contract";

/**
 * The buyer declares an active contract fulfilled by hand, with an optional note both parties read. Final. Kept for
 * contracts whose deliveries were never recorded here: once a dispatch or a ticket is, the ledger decides, and the
 * contract ends by fulfilment or a short closing with a settlement statement instead (docs/deliveries.md).
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
    const deliveries =
      (await tx.$count(contractDispatches, eq(contractDispatches.contractId, row.id))) +
      (await tx.$count(deliveryTickets, eq(deliveryTickets.contractId, row.id)));
    if (row.status === "in_delivery" || (row.status === "active" && deliveries > 0)) {
      throw new DomainError(
        "contract-in-delivery",
        409,
        `Contract ${row.number} has deliveries recorded; fulfil it when the accepted quantity is within its ` +
          "tolerance, or close it short with a reason.",
      );
    }
    if (row.status !== "active") {
      throw new DomainError(
        "contract-not-completable",
        409,
        `Contract ${row.number} is ${row.status.replaceAll("_", " ")}; only an active contract (signed by both parties) can be completed.`,
      );
    }
    await tx.update(contracts).set({ status: "completed" }).where(eq(contracts.id, row.id));
    await tx
      .insert(contractStatusChanges)
      .values({ contractId: row.id, status: "completed", at: now, reason: note || null });
    return announceContractChange(tx, row, now);
  });
}
