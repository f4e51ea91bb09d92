import type { Contract } from "@lotbridge/contract/contract";
import { documentHashOf } from "@lotbridge/documents/contract-document";
import { renderSettlement } from "@lotbridge/documents/settlement-document";
import { eq } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { contractSnapshot } from "../contracts/contract-snapshot";
import { type ContractRow, contractStatusChanges, contracts } from "../contracts/contract-table";
import { announceDelivery } from "./announce-delivery";

export interface ContractEnding {
  status: "fulfilled" | "closed_short";
  /** The buyer's note (fulfilled) or reason (closed short); kept in the status history and on the statement. */
  reason: string | null;
  /** The member who ended it, for the ledger's history. */
  by: string;
  /** The ledger entry's text, as people read it. */
  text: string;
}

/**
 * Ends a contract whose row the caller has locked and checked: the final status, then the settlement statement
 * rendered from the contract as it now stands, its SHA-256 stored, and the event with the snapshot that carries it.
 * The statement reads nothing the announcement changes afterwards, so that snapshot renders the same bytes.
 */
export async function issueSettlement(
  tx: BuyerTx,
  row: ContractRow,
  ending: ContractEnding,
  now: Date,
): Promise<Contract> {
  const [ended] = await tx.update(contracts).set({ status: ending.status }).where(eq(contracts.id, row.id)).returning();
  await tx
    .insert(contractStatusChanges)
    .values({ contractId: row.id, status: ending.status, at: now, reason: ending.reason });
  const statement = await renderSettlement(await contractSnapshot(tx, ended));
  await tx
    .update(contracts)
    .set({ settlementIssuedAt: now, settlementHash: documentHashOf(statement) })
    .where(eq(contracts.id, row.id));
  return announceDelivery(
    tx,
    row.id,
    ending.status === "fulfilled" ? "contract.fulfilled" : "contract.closed_short",
    { kind: ending.status, by: { party: "buyer", name: ending.by }, text: ending.text },
    now,
  );
}
