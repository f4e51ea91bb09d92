import { bidSchema } from "@lotbridge/contract/bid";
import { notifyOrganization } from "@lotbridge/runtime/notify-organization";
import type { Database } from "@lotbridge/webhooks/database";
import type { OutboxMessage } from "@lotbridge/webhooks/tables";
import type { SendResult } from "@lotbridge/webhooks/transport";
import { and, eq } from "drizzle-orm";
import { producerBids } from "./producer-bid-table";

/**
 * Records the buyer portal's answer to a `POST /api/bids` call, in the transaction that records the outbox outcome.
 * Delivered: the bid is `submitted` under the buyer's id (its version is left to the `bid.received` event, which
 * then still applies and tells the producer). Refused: the bid is `refused` with the buyer's reason, and
 * the producer organization is told. Other calls, and bids already moved on by a `bid.*` event, are left alone.
 */
export async function recordBuyerAnswer(
  tx: Database,
  publicUrl: string,
  message: OutboxMessage,
  result: SendResult,
): Promise<void> {
  const call = message.payload as { method?: string; path?: string; idempotencyKey?: string } | null;
  if (call?.method !== "POST" || call.path !== "/api/bids" || !call.idempotencyKey) return;
  const sending = and(eq(producerBids.id, call.idempotencyKey), eq(producerBids.state, "sending"));

  if (result.outcome === "delivered") {
    // Only what this answer decides is read, so a richer bid snapshot from a newer buyer portal still fits.
    const answer = bidSchema.pick({ id: true, status: true }).safeParse(result.body);
    if (!answer.success) return;
    await tx
      .update(producerBids)
      .set({ state: answer.data.status, buyerBidId: answer.data.id, updatedAt: new Date() })
      .where(sending);
    return;
  }
  if (result.outcome !== "refused") return;
  const detail = (result.body as { detail?: unknown } | undefined)?.detail;
  const reason =
    typeof detail === "string" && detail !== "" ? detail : (result.error ?? "The buyer portal refused it.");
  const [bid] = await tx
    .update(producerBids)
    .set({ state: "refused", refusalReason: reason, updatedAt: new Date() })
    .where(sending)
    .returning();
  if (!bid) return;
  await notifyOrganization(tx, publicUrl, {
    organizationId: bid.organizationId,
    type: "bid.refused",
    title: `Your bid on ${bid.lotNumber} was refused`,
    body: reason,
    link: "/bids",
    facts: [
      ["Lot", `${bid.lotNumber} — ${bid.lotTitle}`],
      ["Volume", `${bid.volume} ${bid.unit}`],
      ["Price per unit", `${bid.pricePerUnit} ${bid.currency}`],
    ],
    emailByDefault: true,
  });
}
