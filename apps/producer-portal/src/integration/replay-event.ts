import { DomainError, notFound } from "@lotbridge/contract/problem";
import { inboxMessage } from "@lotbridge/webhooks/tables";
import { eq } from "drizzle-orm";
import type { ProducerTx } from "../db/database";
import { type ApplyResult, applyOnce, type InboundContext, type InboundEnvelope } from "./apply-once";

/**
 * An operator's replay of a failed event, once its cause is fixed: the stored envelope goes through applyOnce again,
 * parked or not, so it takes effect at most once (a replay that fails is counted and stays parked). Only failed
 * events: an applied or ignored one has had its effect, and a refused one is not this portal's.
 */
export async function replayEvent(db: ProducerTx, eventId: string, context: InboundContext): Promise<ApplyResult> {
  const [held] = await db.select().from(inboxMessage).where(eq(inboxMessage.webhookId, eventId));
  if (!held) throw notFound("Event");
  if (held.status !== "failed" || !held.envelope) {
    throw new DomainError(
      "event-not-failed",
      409,
      `Event ${eventId} is ${held.status}; only a failed event can be replayed.`,
    );
  }
  return applyOnce(db, held.envelope as InboundEnvelope, "replay", context);
}
