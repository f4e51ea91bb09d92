import { compareDecimals, subtractDecimals } from "@lotbridge/contract/decimal";
import type { Lot } from "@lotbridge/contract/lot";
import { DomainError } from "@lotbridge/contract/problem";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { eq, sql } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { announceLot } from "./announce-lot";
import { lockOrganizationLot } from "./lock-organization-lot";
import { lots } from "./lot-table";
import { tellBuyerAboutLot } from "./tell-buyer-about-lot";

/**
 * Allocates `volume` of a lot to an accepted bid, inside the caller's transaction (the one that accepts the bid).
 * Under the lot's row lock, so concurrent acceptances can never allocate more than the lot's volume. When nothing
 * remains the lot is awarded (`lot.awarded`); otherwise producers see the smaller remaining volume (`lot.updated`).
 */
export async function allocateLotVolume(
  tx: BuyerTx,
  lot: { organizationId: string; lotId: string },
  volume: string,
  { publicUrl, now = new Date() }: { publicUrl: string; now?: Date },
): Promise<Lot> {
  const row = await lockOrganizationLot(tx, lot.organizationId, lot.lotId);
  if (row.status !== "published" && row.status !== "closed") {
    throw new DomainError("lot-not-open", 409, `${row.number} is ${row.status}; its volume cannot be allocated.`);
  }
  const remaining = subtractDecimals(row.volume, row.allocatedVolume);
  if (compareDecimals(volume, "0") <= 0 || compareDecimals(volume, remaining) > 0) {
    throw new DomainError(
      "volume-exceeded",
      409,
      `Only ${formatQuantity(remaining, row.unit)} of ${row.number} remain unallocated; ${formatQuantity(volume, row.unit)} cannot be allocated.`,
    );
  }
  const awarded = compareDecimals(volume, remaining) === 0;
  const [allocated] = await tx
    .update(lots)
    .set({
      allocatedVolume: sql`${lots.allocatedVolume} + ${volume}::numeric`,
      status: awarded ? "awarded" : row.status,
      version: sql`${lots.version} + 1`,
      updatedAt: now,
    })
    .where(eq(lots.id, row.id))
    .returning();
  if (!awarded) return announceLot(tx, "lot.updated", allocated, now);
  const snapshot = await announceLot(tx, "lot.awarded", allocated, now);
  await tellBuyerAboutLot(tx, publicUrl, snapshot, "awarded");
  return snapshot;
}
