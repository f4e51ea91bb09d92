import { and, desc, eq } from "drizzle-orm";
import type { ProducerTx } from "../../db/database";
import { type ProducerDispatchRow, producerDispatches } from "./producer-dispatch-table";

/** The loads the organization announced on one of its contracts from this portal, newest first: only its own. */
export function listContractDispatches(
  db: ProducerTx,
  organizationId: string,
  contractId: string,
): Promise<ProducerDispatchRow[]> {
  return db
    .select()
    .from(producerDispatches)
    .where(and(eq(producerDispatches.organizationId, organizationId), eq(producerDispatches.contractId, contractId)))
    .orderBy(desc(producerDispatches.createdAt), desc(producerDispatches.id))
    .limit(500);
}
