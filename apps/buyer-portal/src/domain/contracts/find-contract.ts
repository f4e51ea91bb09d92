import type { Contract } from "@lotbridge/contract/contract";
import { notFound } from "@lotbridge/contract/problem";
import { and, desc, eq, type SQL } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import type { ProducerCaller } from "../bids/producer-caller";
import { contractSnapshot } from "./contract-snapshot";
import { type ContractRow, contracts } from "./contract-table";

/** Who may read a contract: a user of its buyer organization, or the platform and organization of its producer. */
export type ContractReader = { party: "buyer"; organizationId: string } | { party: "producer"; caller: ProducerCaller };

export function readableBy(reader: ContractReader): SQL | undefined {
  return reader.party === "buyer"
    ? eq(contracts.buyerOrganizationId, reader.organizationId)
    : and(
        eq(contracts.producerPlatform, reader.caller.platform),
        eq(contracts.producerOrganizationId, reader.caller.organizationId),
      );
}

/** The contract row if the reader is one of its parties, locked if asked; anyone else: not found. */
export async function findContractRow(
  tx: BuyerTx,
  reader: ContractReader,
  contractId: string,
  { lock = false } = {},
): Promise<ContractRow> {
  const query = tx
    .select()
    .from(contracts)
    .where(and(eq(contracts.id, contractId), readableBy(reader)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound("Contract");
  return row;
}

export async function findContract(tx: BuyerTx, reader: ContractReader, contractId: string): Promise<Contract> {
  return contractSnapshot(tx, await findContractRow(tx, reader, contractId));
}

/** The buyer organization's contracts, newest first. */
export async function listBuyerContracts(tx: BuyerTx, organizationId: string): Promise<ContractRow[]> {
  return tx
    .select()
    .from(contracts)
    .where(eq(contracts.buyerOrganizationId, organizationId))
    .orderBy(desc(contracts.createdAt), desc(contracts.id))
    .limit(500);
}

/** The contract an accepted bid became, if the bid is on one of the organization's lots. */
export async function findBuyerContractOfBid(
  tx: BuyerTx,
  organizationId: string,
  bidId: string,
): Promise<ContractRow | undefined> {
  const [row] = await tx
    .select()
    .from(contracts)
    .where(and(eq(contracts.bidId, bidId), eq(contracts.buyerOrganizationId, organizationId)));
  return row;
}
