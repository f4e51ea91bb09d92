import type { Contract } from "@lotbridge/contract/contract";
import { isNewerVersion } from "@lotbridge/webhooks/is-newer-version";
import { and, eq, isNull } from "drizzle-orm";
import type { ProducerTx } from "../../db/database";
import { producerBids } from "../bids/producer-bid-table";
import { normaliseContract } from "./normalise-contract";
import { producerContracts } from "./producer-contract-table";
import { tellContractChange } from "./tell-contract-change";

/**
 * Why a contract is not one of this portal's, or undefined when it is: a contract is ours when it was made from a
 * bid this portal placed, for the organization it names (the buyer portal's bid id, which this portal learnt when
 * the bid was confirmed). Throws while a bid of that organization on that lot is still unconfirmed here: the
 * contract may be its, so it is tried again later rather than refused for good.
 */
export async function foreignContractReason(tx: ProducerTx, contract: Contract): Promise<string | undefined> {
  const [bid] = await tx
    .select({ organizationId: producerBids.organizationId })
    .from(producerBids)
    .where(eq(producerBids.buyerBidId, contract.bidId));
  if (bid?.organizationId === contract.producer.organizationId) return undefined;
  if (bid) return `Contract ${contract.id} is on bid ${contract.bidId}, which another organization placed here.`;
  const unconfirmed = await tx
    .select({ id: producerBids.id })
    .from(producerBids)
    .where(
      and(
        eq(producerBids.organizationId, contract.producer.organizationId),
        eq(producerBids.lotId, contract.lotId),
        isNull(producerBids.buyerBidId),
      ),
    )
    .limit(1);
  if (unconfirmed.length > 0) {
    throw new Error(`Contract ${contract.id} may be on a bid not confirmed here yet; it is tried again later.`);
  }
  return `Contract ${contract.id} is on bid ${contract.bidId}, which was not placed from this portal.`;
}

/**
 * Keeps the newest snapshot of a contract, from `contract.*` and `delivery.*` events or from the answer to the
 * producer's signature or dispatch call, and tells the producer organization what changed since the snapshot held
 * (one kept before deliveries existed is read as today's, so its empty delivery compares). An older or repeated
 * version changes nothing and tells nobody, so events may arrive twice or out of order.
 */
export async function applyContractSnapshot(tx: ProducerTx, publicUrl: string, contract: Contract): Promise<boolean> {
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
  await tellContractChange(tx, publicUrl, held && normaliseContract(held.snapshot), contract);
  return true;
}
