import type { Contract } from "@lotbridge/contract/contract";
import { DomainError } from "@lotbridge/contract/problem";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import type { BuyerTx } from "../../db/database";
import { contractSnapshot } from "../contracts/contract-snapshot";
import { findContractRow } from "../contracts/find-contract";
import type { BuyerMember } from "./fulfil-contract";
import { issueSettlement } from "./issue-settlement";

/**
 * The buyer ends a contract with less accepted than the tolerance's minimum, with a reason both parties read
 * (docs/deliveries.md). Issues the settlement statement and sends `contract.closed_short`; final.
 */
export function closeContractShort(
  db: BuyerTx,
  member: BuyerMember,
  contractId: string,
  reason: string,
  now = new Date(),
): Promise<Contract> {
  return db.transaction(async (tx) => {
    const row = await findContractRow(tx, { party: "buyer", organizationId: member.organizationId }, contractId, {
      lock: true,
    });
    if (row.status !== "active" && row.status !== "in_delivery") {
      throw new DomainError(
        "contract-not-closable",
        409,
        `Contract ${row.number} is ${row.status.replaceAll("_", " ")}; only an active contract or one in delivery can be closed short.`,
      );
    }
    const { ledger } = (await contractSnapshot(tx, row)).delivery;
    const quantity = (value: string) => formatQuantity(value, row.unit);
    if (ledger.withinTolerance) {
      throw new DomainError(
        "within-tolerance",
        409,
        `Contract ${row.number} has ${quantity(ledger.accepted)} accepted, within its tolerance ` +
          `(${quantity(ledger.minimum)} to ${quantity(ledger.maximum)}): fulfil it instead.`,
      );
    }
    if (ledger.overTolerance) {
      throw new DomainError(
        "over-tolerance",
        409,
        `Contract ${row.number} has ${quantity(ledger.accepted)} accepted, more than its maximum of ` +
          `${quantity(ledger.maximum)}: that is not short. Correct the tickets that take it over the maximum.`,
      );
    }
    return issueSettlement(
      tx,
      row,
      {
        status: "closed_short",
        reason,
        by: member.name,
        text: `Closed short with ${quantity(ledger.accepted)} of ${quantity(row.volume)} accepted; settlement issued`,
      },
      now,
    );
  });
}
