import type { Contract } from "@lotbridge/contract/contract";
import { DomainError } from "@lotbridge/contract/problem";
import { formatDecimal } from "@lotbridge/format/format-decimal";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import type { BuyerTx } from "../../db/database";
import { contractSnapshot } from "../contracts/contract-snapshot";
import { findContractRow } from "../contracts/find-contract";
import { issueSettlement } from "./issue-settlement";

/** The buyer member confirming, as the status history and the ledger's history name them. */
export interface BuyerMember {
  organizationId: string;
  name: string;
}

/**
 * The buyer confirms a contract in delivery fulfilled: only while the accepted quantity is within the tolerance
 * (docs/deliveries.md). Issues the settlement statement and sends `contract.fulfilled`; final.
 */
export function fulfilContract(
  db: BuyerTx,
  member: BuyerMember,
  contractId: string,
  note: string,
  now = new Date(),
): Promise<Contract> {
  return db.transaction(async (tx) => {
    const row = await findContractRow(tx, { party: "buyer", organizationId: member.organizationId }, contractId, {
      lock: true,
    });
    if (row.status !== "in_delivery") {
      const why =
        row.status === "active"
          ? "nothing has been delivered on it yet"
          : "only a contract in delivery can be fulfilled";
      throw new DomainError(
        "contract-not-fulfillable",
        409,
        `Contract ${row.number} is ${row.status.replaceAll("_", " ")}; ${why}.`,
      );
    }
    const { ledger } = (await contractSnapshot(tx, row)).delivery;
    const quantity = (value: string) => formatQuantity(value, row.unit);
    if (!ledger.withinTolerance) {
      throw new DomainError(
        "not-within-tolerance",
        409,
        `Contract ${row.number} has ${quantity(ledger.accepted)} accepted; it is fulfilled between ` +
          `${quantity(ledger.minimum)} and ${quantity(ledger.maximum)} (±${formatDecimal(row.tolerancePercent)} %). ` +
          (ledger.overTolerance
            ? "Correct the tickets that take it over the maximum."
            : "Record the missing loads, or close it short with a reason."),
      );
    }
    return issueSettlement(
      tx,
      row,
      {
        status: "fulfilled",
        reason: note || null,
        by: member.name,
        text: `Fulfilled with ${quantity(ledger.accepted)} of ${quantity(row.volume)} accepted; settlement issued`,
      },
      now,
    );
  });
}
