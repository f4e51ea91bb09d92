import { desc, eq } from "drizzle-orm";
import type { ProducerTx } from "../../db/database";
import { normaliseContract } from "./normalise-contract";
import { type ProducerContractRow, producerContracts } from "./producer-contract-table";

/** An organization's contracts, newest first: only its own, their snapshots read as today's code reads them. */
export async function listOrganizationContracts(
  db: ProducerTx,
  organizationId: string,
): Promise<ProducerContractRow[]> {
  const rows = await db
    .select()
    .from(producerContracts)
    .where(eq(producerContracts.organizationId, organizationId))
    .orderBy(desc(producerContracts.createdAt), desc(producerContracts.id))
    .limit(500);
  return rows.map((row) => ({ ...row, snapshot: normaliseContract(row.snapshot) }));
}
