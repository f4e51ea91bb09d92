import { desc, eq } from "drizzle-orm";
import type { ProducerTx } from "../../db/database";
import { type ProducerBidRow, producerBids } from "./producer-bid-table";

/** An organization's bids, newest first: only its own, whoever placed them. */
export function listOrganizationBids(db: ProducerTx, organizationId: string): Promise<ProducerBidRow[]> {
  return db
    .select()
    .from(producerBids)
    .where(eq(producerBids.organizationId, organizationId))
    .orderBy(desc(producerBids.createdAt), desc(producerBids.id))
    .limit(500);
}
