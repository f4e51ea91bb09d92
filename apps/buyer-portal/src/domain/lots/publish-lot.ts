import type { Lot } from "@lotbridge/contract/lot";
import { DomainError } from "@lotbridge/contract/problem";
import { eq, sql } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { announceLot } from "./announce-lot";
import { requireFutureDeadline } from "./future-deadline";
import { lockOrganizationLot } from "./lock-organization-lot";
import type { LotChange } from "./lot-change";
import { lots } from "./lot-table";
import { tellBuyerAboutLot } from "./tell-buyer-about-lot";

/**
 * A draft becomes visible to producers: `lot.published` goes out and the buyer's organization is told.
 *
 * The listing position is drawn under a transaction-scoped advisory lock, so publications commit in the order of
 * their positions and a producer paging GET /api/lots/external never has a lot appear behind its cursor.
 */
export async function publishLot(db: BuyerTx, lotId: string, { actor, publicUrl, now = new Date() }: LotChange) {
  return db.transaction(async (tx): Promise<Lot> => {
    const row = await lockOrganizationLot(tx, actor.organizationId, lotId);
    if (row.status !== "draft") {
      throw new DomainError("lot-not-draft", 409, `${row.number} is ${row.status}; only a draft can be published.`);
    }
    requireFutureDeadline(row.biddingDeadline, now, "publish the lot");
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('lot_listing_seq'))`);
    const [published] = await tx
      .update(lots)
      .set({
        status: "published",
        publishedSeq: sql`nextval('lot_listing_seq')`,
        publishedAt: now,
        version: sql`${lots.version} + 1`,
        updatedAt: now,
      })
      .where(eq(lots.id, row.id))
      .returning();
    const lot = await announceLot(tx, "lot.published", published, now);
    await tellBuyerAboutLot(tx, publicUrl, lot, "published");
    return lot;
  });
}
