import type { Database } from "@lotbridge/db/database";
import { desc, eq } from "drizzle-orm";
import { type ProducerContractRow, producerContracts } from "./producer-contract-table";

/** An organization's contracts, newest first: only its own. */
export function listOrganizationContracts(db: Database, organizationId: string): Promise<ProducerContractRow[]> {
  return db
    .select()
    .from(producerContracts)
    .where(eq(producerContracts.organizationId, organizationId))
    .orderBy(desc(producerContracts.createdAt), desc(producerContracts.id))
    .limit(500);
}
