import { notFound } from "@lotbridge/contract/problem";
import { and, eq } from "drizzle-orm";
import type { ProducerTx } from "../../db/database";
import { normaliseContract } from "./normalise-contract";
import { type ProducerContractRow, producerContracts } from "./producer-contract-table";

/**
 * One of the organization's own contracts, its snapshot read as today's code reads it; another organization's is
 * "not found", never "forbidden".
 */
export async function findOrganizationContract(
  db: ProducerTx,
  organizationId: string,
  contractId: string,
): Promise<ProducerContractRow> {
  const [contract] = await db
    .select()
    .from(producerContracts)
    .where(and(eq(producerContracts.id, contractId), eq(producerContracts.organizationId, organizationId)));
  if (!contract) throw notFound("Contract");
  return { ...contract, snapshot: normaliseContract(contract.snapshot) };
}

/** The contract that came of one of the organization's bids (by the buyer portal's bid id), if it arrived yet. */
export async function findBidContract(
  db: ProducerTx,
  organizationId: string,
  buyerBidId: string,
): Promise<ProducerContractRow | undefined> {
  const [contract] = await db
    .select()
    .from(producerContracts)
    .where(and(eq(producerContracts.buyerBidId, buyerBidId), eq(producerContracts.organizationId, organizationId)));
  return contract && { ...contract, snapshot: normaliseContract(contract.snapshot) };
}
