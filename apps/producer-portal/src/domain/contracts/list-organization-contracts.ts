import { desc, eq } from "drizzle-orm";
import type { ProducerTx } from "../../db/database";
import { type ProducerContractRow, producerContracts } from "./producer-contract-table";

/** An organization's contracts, newest first: only its own. */
export function listOrganizationContracts(db: ProducerTx, organizationId: string): Promise<ProducerContractRow[]> {
  return db
    .select()
    .from(producerContracts)
    .where(eq(producerContracts.organizationId, organizationId))
    .orderBy(desc(producerContracts.createdAt), desc(producerContracts.id))
    .limit(500);
}
