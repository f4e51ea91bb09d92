import { notFound } from "@lotbridge/contract/problem";
import { documentHashOf } from "@lotbridge/documents/contract-document";
import { renderSettlement, settlementFilename } from "@lotbridge/documents/settlement-document";
import type { ProducerTx } from "../../db/database";
import { findOrganizationContract } from "../contracts/find-organization-contract";

export interface SettlementDocument {
  filename: string;
  bytes: Buffer;
  /** SHA-256 (hex) of the bytes rendered here. */
  hash: string;
  /** The hash the buyer portal recorded when it issued the statement. */
  issuedHash: string;
  /** Whether this is the buyer's document byte for byte. */
  matches: boolean;
}

/**
 * The settlement statement of one of the organization's contracts, rendered here from the snapshot the buyer portal
 * sent: the rendering is deterministic, so these are the buyer's bytes, and the hash says whether they are. "Not
 * found" for another organization's contract, and until the buyer portal issued the statement.
 */
export async function readSettlementDocument(
  db: ProducerTx,
  organizationId: string,
  contractId: string,
): Promise<SettlementDocument> {
  const { snapshot } = await findOrganizationContract(db, organizationId, contractId);
  const { settlement } = snapshot.delivery;
  if (!settlement) throw notFound("Settlement statement");
  const bytes = await renderSettlement(snapshot);
  const hash = documentHashOf(bytes);
  return {
    filename: settlementFilename(snapshot),
    bytes,
    hash,
    issuedHash: settlement.documentHash,
    matches: hash === settlement.documentHash,
  };
}
