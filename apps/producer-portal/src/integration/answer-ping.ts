import type { EventEnvelope } from "@lotbridge/contract/event-envelope";
import type { PongInput } from "@lotbridge/contract/pong";
import type { ProducerTx } from "../db/database";
import { enqueueCommand } from "./commands-out";

/**
 * A ping proves the buyer → producer path; the pong proves the way back. The key is derived from the ping, so a
 * ping applied twice (webhook and feed, or a redelivery) still gives the buyer portal one pong.
 */
export async function answerPing(tx: ProducerTx, ping: EventEnvelope<"ping">): Promise<void> {
  const body: PongInput = { pingEventId: ping.id };
  await enqueueCommand(tx, "ping.answer", body, `pong-${ping.id}`);
}
