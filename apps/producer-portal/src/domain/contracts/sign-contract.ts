import type { CurrentMember } from "@lotbridge/auth/current-member";
import { DomainError, notFound } from "@lotbridge/contract/problem";
import type { SignatureInput } from "@lotbridge/contract/signature-input";
import { newId } from "@lotbridge/db/new-id";
import { documentHashOf, renderContractDocument } from "@lotbridge/documents/contract-document";
import { and, eq } from "drizzle-orm";
import type { ProducerTx } from "../../db/database";
import { enqueueCommand } from "../../integration/commands-out";
import { normaliseContract } from "./normalise-contract";
import { type ProducerContractRow, producerContracts } from "./producer-contract-table";

/**
 * Signs one of the organization's contracts as the signed-in member, through the outbox: the signature names them
 * and the SHA-256 of the document rendered here, which is the buyer portal's document byte for byte. The contract
 * shows the producer's signature once the buyer portal's answer (or `contract.updated`) brings it.
 */
export async function signContract(
  db: ProducerTx,
  member: CurrentMember,
  contractId: string,
  now = new Date(),
): Promise<ProducerContractRow> {
  return db.transaction(async (tx) => {
    const [contract] = await tx
      .select()
      .from(producerContracts)
      .where(and(eq(producerContracts.id, contractId), eq(producerContracts.organizationId, member.organizationId)))
      .for("update");
    if (!contract) throw notFound("Contract");
    const snapshot = normaliseContract(contract.snapshot);
    if (snapshot.status !== "pending_signature") {
      throw new DomainError(
        "contract-not-pending",
        409,
        `Contract ${snapshot.number} is ${snapshot.status.replace("_", " ")}; only a contract waiting for signatures can be signed.`,
      );
    }
    if (snapshot.signatures.some((s) => s.party === "producer")) {
      throw new DomainError("already-signed", 409, `Your organization already signed contract ${snapshot.number}.`);
    }
    if (contract.pendingCallId) {
      throw new DomainError(
        "signature-pending",
        409,
        `Your signature of contract ${snapshot.number} is already on its way to the buyer.`,
      );
    }
    const body: SignatureInput = {
      signerName: member.name,
      signerEmail: member.email,
      documentHash: documentHashOf(await renderContractDocument(snapshot)),
    };
    const command = { contractId: contract.id, organizationId: member.organizationId, signature: body };
    // New per request: a refused signature (e.g. a document mismatch) may be given again and must be heard again.
    const callId = await enqueueCommand(tx, "contract.sign", command, newId("signature"));
    const [updated] = await tx
      .update(producerContracts)
      .set({ pendingCallId: callId, pendingChange: { kind: "signature", ...body }, updatedAt: now })
      .where(eq(producerContracts.id, contract.id))
      .returning();
    return updated;
  });
}
