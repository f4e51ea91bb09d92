import { DomainError } from "@lotbridge/contract/problem";
import { renderSettlement, settlementFilename } from "@lotbridge/documents/settlement-document";
import type { BuyerTx } from "../../db/database";
import { contractSnapshot } from "../contracts/contract-snapshot";
import { type ContractReader, findContractRow } from "../contracts/find-contract";

/**
 * The settlement statement of a contract one of whose parties reads it: rendered again from the contract as stored,
 * which gives the bytes whose SHA-256 `delivery.settlement.documentHash` holds. Not found until it was issued.
 */
export async function readSettlementDocument(
  tx: BuyerTx,
  reader: ContractReader,
  contractId: string,
): Promise<{ filename: string; bytes: Buffer }> {
  const row = await findContractRow(tx, reader, contractId);
  if (!row.settlementIssuedAt) {
    throw new DomainError(
      "not-found",
      404,
      `Contract ${row.number} has no settlement statement yet: it is issued when the contract is fulfilled or closed short.`,
    );
  }
  const contract = await contractSnapshot(tx, row);
  return { filename: settlementFilename(contract), bytes: await renderSettlement(contract) };
}
