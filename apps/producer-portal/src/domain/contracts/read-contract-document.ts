import { contractDocumentFilename, renderContractDocument } from "@lotbridge/documents/contract-document";
import type { ProducerTx } from "../../db/database";
import { findOrganizationContract } from "./find-organization-contract";

export interface ContractDocument {
  filename: string;
  bytes: Buffer;
}

/**
 * The contract's PDF, rendered here from the snapshot the buyer portal sent. The rendering is deterministic and uses
 * only the agreed terms, so these are the buyer portal's bytes and their hash is the one both parties sign.
 */
export async function readContractDocument(
  db: ProducerTx,
  organizationId: string,
  contractId: string,
): Promise<ContractDocument> {
  const { snapshot } = await findOrganizationContract(db, organizationId, contractId);
  return { filename: contractDocumentFilename(snapshot), bytes: await renderContractDocument(snapshot) };
}
