import { notFound } from "@lotbridge/contract/problem";
import { and, eq } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { type BidRow, bids } from "./bid-table";
import type { ProducerCaller } from "./producer-caller";

/**
 * The bid, if the calling platform placed it on behalf of the organization it names; otherwise not found, so that
 * another producer cannot even learn that the bid exists. `lock` holds the row until the transaction ends.
 */
export async function findProducerBidRow(
  tx: BuyerTx,
  caller: ProducerCaller,
  bidId: string,
  { lock = false } = {},
): Promise<BidRow> {
  const query = tx
    .select()
    .from(bids)
    .where(
      and(
        eq(bids.id, bidId),
        eq(bids.producerPlatform, caller.platform),
        eq(bids.bidderOrganizationId, caller.organizationId),
      ),
    );
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound("Bid");
  return row;
}
