import type { Contract } from "@lotbridge/contract/contract";
import type { Party } from "@lotbridge/contract/offer";
import { DomainError } from "@lotbridge/contract/problem";
import { documentHashOf, renderContractDocument } from "@lotbridge/documents/contract-document";
import { formatDateTime } from "@lotbridge/format/format-date-time";
import { formatMoney } from "@lotbridge/format/format-money";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { notifyOrganization } from "@lotbridge/notifications/notify-organization";
import { and, eq } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { announceContractChange } from "./announce-contract";
import { contractSnapshot } from "./contract-snapshot";
import { contractSignatures, contractStatusChanges, contracts } from "./contract-table";
import { type ContractReader, findContractRow } from "./find-contract";

export interface Signer {
  reader: ContractReader;
  name: string;
  email: string;
}

/**
 * Records a party's signature on the contract document whose SHA-256 the signer names: only the current document
 * (422 otherwise), once per party, while the contract awaits signatures. The second signature makes it `active`.
 * Sends `contract.updated`; the buyer organization hears of the producer's signature and of the activation.
 */
export function signContract(
  db: BuyerTx,
  signer: Signer,
  contractId: string,
  documentHash: string,
  { publicUrl, now = new Date() }: { publicUrl: string; now?: Date },
): Promise<Contract> {
  return db.transaction(async (tx) => {
    const row = await findContractRow(tx, signer.reader, contractId, { lock: true });
    const party: Party = signer.reader.party;
    if (row.status !== "pending_signature") {
      throw new DomainError(
        "contract-not-signable",
        409,
        `Contract ${row.number} is ${row.status}; it takes no signatures.`,
      );
    }
    const [signed] = await tx
      .select()
      .from(contractSignatures)
      .where(and(eq(contractSignatures.contractId, row.id), eq(contractSignatures.party, party)));
    if (signed) {
      throw new DomainError(
        "already-signed",
        409,
        `The ${party} already signed contract ${row.number} (${signed.signerName}, ${formatDateTime(signed.signedAt, "UTC")}).`,
      );
    }
    const current = documentHashOf(await renderContractDocument(await contractSnapshot(tx, row)));
    if (documentHash !== current) {
      throw new DomainError(
        "document-mismatch",
        422,
        `That is not the document of contract ${row.number}; download it again and sign what you read.`,
        [{ field: "documentHash", message: `must be ${current}, the SHA-256 of the current contract document` }],
      );
    }
    await tx.insert(contractSignatures).values({
      contractId: row.id,
      party,
      signerName: signer.name,
      signerEmail: signer.email,
      signedAt: now,
      documentHash,
    });
    const bothSigned = (await tx.$count(contractSignatures, eq(contractSignatures.contractId, row.id))) === 2;
    if (bothSigned) {
      await tx.update(contracts).set({ status: "active" }).where(eq(contracts.id, row.id));
      await tx.insert(contractStatusChanges).values({ contractId: row.id, status: "active", at: now, reason: null });
    }
    const contract = await announceContractChange(tx, row, now);
    const link = `/contracts/${row.id}`;
    if (party === "producer") {
      await notifyOrganization(tx, publicUrl, {
        organizationId: row.buyerOrganizationId,
        type: "contract.signed",
        title: `${row.producerName} signed contract ${row.number}`,
        body: bothSigned ? "Both parties have signed." : "Your signature is still needed to make it active.",
        link,
        emailByDefault: true,
      });
    }
    if (bothSigned) {
      await notifyOrganization(tx, publicUrl, {
        organizationId: row.buyerOrganizationId,
        type: "contract.active",
        title: `Contract ${row.number} is active`,
        body: `Both parties signed: ${formatQuantity(row.volume, row.unit)} of ${row.lotTitle} with ${row.producerName}, total ${formatMoney(row.total, row.currency)}.`,
        link,
        emailByDefault: true,
      });
    }
    return contract;
  });
}
