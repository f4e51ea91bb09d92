import { inboxMessage } from "@lotbridge/webhooks/tables";
import { desc, inArray } from "drizzle-orm";
import type { ProducerTx } from "../db/database";
import { MAX_ATTEMPTS } from "./apply-once";

export interface UnappliedEvent {
  id: string;
  type: string;
  status: "failed" | "refused";
  attempts: number;
  /** Failed: parked after its last attempt, waiting for an operator's replay. Before that, retries may still come. */
  parked: boolean;
  reason: string | null;
  receivedAt: string;
  updatedAt: string;
}

/**
 * The buyer events this portal did not apply, most recently touched first: failed ones (replayable once the cause is
 * fixed) and refused ones (not this portal's; never applied). The envelope is not listed: it may carry another
 * organization's bid, and the reason says what an operator needs.
 */
export async function listUnappliedEvents(db: ProducerTx, limit = 50): Promise<UnappliedEvent[]> {
  const rows = await db
    .select()
    .from(inboxMessage)
    .where(inArray(inboxMessage.status, ["failed", "refused"]))
    .orderBy(desc(inboxMessage.updatedAt))
    .limit(limit);
  return rows.map((row) => ({
    id: row.webhookId,
    type: row.eventType,
    status: row.status as "failed" | "refused",
    attempts: row.attempts,
    parked: row.status === "failed" && row.attempts >= MAX_ATTEMPTS,
    reason: row.lastError,
    receivedAt: row.receivedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}
