import { notFound } from "@lotbridge/contract/problem";
import { and, eq, inArray } from "drizzle-orm";
import type { ProducerTx } from "../../db/database";
import { type ProducerBidRow, producerBids } from "./producer-bid-table";

/** One of the organization's own bids; another organization's bid is "not found", never "forbidden". */
export async function findOrganizationBid(
  db: ProducerTx,
  organizationId: string,
  bidId: string,
): Promise<ProducerBidRow> {
  const [bid] = await db
    .select()
    .from(producerBids)
    .where(and(eq(producerBids.id, bidId), eq(producerBids.organizationId, organizationId)));
  if (!bid) throw notFound("Bid");
  return bid;
}

/** The organization's bid on the lot that the buyer may still act on, if any: the one to revise, not to repeat. */
export async function findLiveBidOnLot(
  db: ProducerTx,
  organizationId: string,
  lotId: string,
): Promise<ProducerBidRow | undefined> {
  const [bid] = await db
    .select()
    .from(producerBids)
    .where(
      and(
        eq(producerBids.organizationId, organizationId),
        eq(producerBids.lotId, lotId),
        inArray(producerBids.state, ["sending", "submitted", "countered"]),
      ),
    )
    .limit(1);
  return bid;
}
