import type { Lot } from "@lotbridge/contract/lot";
import { DomainError } from "@lotbridge/contract/problem";
import { eq, sql } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { announceLot } from "./announce-lot";
import { lockOrganizationLot } from "./lock-organization-lot";
import type { LotChange } from "./lot-change";
import { lotSnapshot } from "./lot-snapshot";
import { lots } from "./lot-table";

const CANCELLABLE = new Set(["draft", "published", "closed"]);

/**
 * The buyer withdraws a lot that is not yet awarded. Producers hear `lot.cancelled` only if they ever saw the lot; a
 * cancelled draft stays private.
 */
export async function cancelLot(db: BuyerTx, lotId: string, { actor, now = new Date() }: LotChange) {
  return db.transaction(async (tx): Promise<Lot> => {
    const row = await lockOrganizationLot(tx, actor.organizationId, lotId);
    if (!CANCELLABLE.has(row.status)) {
      throw new DomainError(
        "lot-not-cancellable",
        409,
        `${row.number} is ${row.status}; only draft, published and closed lots can be cancelled.`,
      );
    }
    const [cancelled] = await tx
      .update(lots)
      .set({ status: "cancelled", version: sql`${lots.version} + 1`, updatedAt: now })
      .where(eq(lots.id, row.id))
      .returning();
    return cancelled.publishedSeq === null
      ? lotSnapshot(tx, cancelled)
      : announceLot(tx, "lot.cancelled", cancelled, now);
  });
}
