import type { EventEnvelope } from "@lotbridge/contract/event-envelope";
import { sql } from "drizzle-orm";
import type { ProducerTx } from "../../db/database";
import { marketLots } from "./market-lot-table";

/**
 * A lot that no longer exists leaves the marketplace for good. Only a tombstone stays — its id, number and final
 * version — so that an older snapshot arriving late cannot bring it back.
 */
export async function removeDeletedLot(tx: ProducerTx, event: EventEnvelope<"lot.deleted">): Promise<boolean> {
  const { id, number, version } = event.data;
  const written = await tx
    .insert(marketLots)
    .values({ id, number, version, status: "deleted", receivedAt: new Date() })
    .onConflictDoUpdate({
      target: marketLots.id,
      set: { status: "deleted", version, receivedAt: new Date() },
      setWhere: sql`${marketLots.version} < excluded.version`,
    })
    .returning({ id: marketLots.id });
  return written.length > 0;
}
