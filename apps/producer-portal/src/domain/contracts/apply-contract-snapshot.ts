import type { Contract } from "@lotbridge/contract/contract";
import type { Database } from "@lotbridge/webhooks/database";
import { isNewerVersion } from "@lotbridge/webhooks/is-newer-version";
import { eq } from "drizzle-orm";
import { producerContracts } from "./producer-contract-table";
import { tellContractChange } from "./tell-contract-change";

/**
 * Keeps the newest snapshot of a contract, from `contract.created` / `contract.updated` or from the answer to the
 * producer's signature call, and tells the producer organization what changed. An older or repeated version
 * changes nothing and tells nobody, so events may arrive twice or out of order.
 */
export async function applyContractSnapshot(tx: Database, publicUrl: string, contract: Contract): Promise<boolean> {
  const [held] = await tx.select().from(producerContracts).where(eq(producerContracts.id, contract.id)).for("update");
  if (held && !isNewerVersion(held.version, contract.version)) return false;
  const copied = { number: contract.number, status: contract.status, version: contract.version, snapshot: contract };
  if (held) {
    await tx
      .update(producerContracts)
      .set({ ...copied, updatedAt: new Date() })
      .where(eq(producerContracts.id, contract.id));
  } else {
    const [inserted] = await tx
      .insert(producerContracts)
      .values({
        id: contract.id,
        organizationId: contract.producer.organizationId,
        buyerBidId: contract.bidId,
        ...copied,
        createdAt: new Date(contract.createdAt),
      })
      .onConflictDoNothing()
      .returning({ id: producerContracts.id });
    // Another event of the same new contract inserted it first: compare versions with that one instead.
    if (!inserted) return applyContractSnapshot(tx, publicUrl, contract);
  }
  await tellContractChange(tx, publicUrl, held?.snapshot, contract);
  return true;
}
