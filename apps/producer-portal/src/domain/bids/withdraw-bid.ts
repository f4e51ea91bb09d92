import { eq } from "drizzle-orm";
import type { ProducerDb } from "../../db/database";
import { enqueueCommand } from "../../integration/commands-out";
import { lockChangeableBid } from "./lock-changeable-bid";
import { producerBids } from "./producer-bid-table";

/**
 * Asks the buyer portal, through the outbox, to withdraw a bid it has received and not yet answered. The bid turns
 * `withdrawn` here when the buyer portal's `bid.withdrawn` event arrives, so both sides always agree.
 */
export async function withdrawBid(db: ProducerDb, organizationId: string, bidId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const bid = await lockChangeableBid(tx, organizationId, bidId, { action: "withdrawn", state: "submitted" });
    const command = { bidId: bid.buyerBidId, organizationId };
    const callId = await enqueueCommand(tx, "bid.withdraw", command, `withdraw-${bid.id}`);
    await tx
      .update(producerBids)
      .set({ pendingCallId: callId, pendingChange: { kind: "withdrawal" }, updatedAt: new Date() })
      .where(eq(producerBids.id, bid.id));
  });
}
