import { contractSchema } from "@lotbridge/contract/contract";
import { notifyOrganization } from "@lotbridge/notifications/notify-organization";
import { eq } from "drizzle-orm";
import type { ProducerTx } from "../../db/database";
import { applyContractSnapshot } from "./apply-contract-snapshot";
import { producerContracts } from "./producer-contract-table";

/** How the buyer portal answered a signature call: its contract snapshot, or why it was not taken. */
export type SignatureAnswer = { delivered: true; body: unknown } | { delivered: false; reason: string };

/**
 * Records the answer to the producer's signature call, if `callId` carried one: the pending signature is cleared;
 * a delivered answer's contract (with the signature) is applied if newer, and a refused or given-up one is told to
 * the organization with the buyer's reason. Returns whether the call was a signature.
 */
export async function recordSignatureAnswer(
  tx: ProducerTx,
  publicUrl: string,
  callId: string,
  answer: SignatureAnswer,
): Promise<boolean> {
  const [contract] = await tx
    .select()
    .from(producerContracts)
    .where(eq(producerContracts.pendingCallId, callId))
    .for("update");
  if (!contract) return false;
  await tx
    .update(producerContracts)
    .set({ pendingCallId: null, pendingChange: null, updatedAt: new Date() })
    .where(eq(producerContracts.id, contract.id));
  if (answer.delivered) {
    const snapshot = contractSchema.safeParse(answer.body);
    if (snapshot.success) await applyContractSnapshot(tx, publicUrl, snapshot.data);
    return true;
  }
  const { snapshot } = contract;
  await notifyOrganization(tx, publicUrl, {
    organizationId: contract.organizationId,
    type: "contract.refused",
    title: `Your signature of contract ${contract.number} was refused`,
    body: answer.reason,
    link: `/contracts/${contract.id}`,
    facts: [
      ["Contract", contract.number],
      ["Lot", `${snapshot.lot.number} — ${snapshot.lot.title}`],
      ["Signer", `${contract.pendingChange?.signerName ?? ""} <${contract.pendingChange?.signerEmail ?? ""}>`],
    ],
    emailByDefault: true,
  });
  return true;
}
