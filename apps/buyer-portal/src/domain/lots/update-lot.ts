import { compareDecimals } from "@lotbridge/contract/decimal";
import type { Lot, LotInput } from "@lotbridge/contract/lot";
import { DomainError } from "@lotbridge/contract/problem";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { eq, sql } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { announceLot } from "./announce-lot";
import { deliveryTermValues } from "./delivery-term-values";
import { requireFutureDeadline } from "./future-deadline";
import { lockOrganizationLot } from "./lock-organization-lot";
import type { LotChange } from "./lot-change";
import { lotSnapshot } from "./lot-snapshot";
import { lots } from "./lot-table";

/**
 * Replaces a lot's terms. A draft changes privately; a published lot sends `lot.updated` with the whole new snapshot
 * so producers see the new terms. With `expectedVersion` (the version the editor opened), a lot someone else changed
 * meanwhile is refused rather than overwritten. Delivery terms left out of the input stay as they are.
 */
export async function updateLot(
  db: BuyerTx,
  lotId: string,
  input: LotInput,
  { actor, now = new Date(), expectedVersion }: LotChange & { expectedVersion?: number },
) {
  return db.transaction(async (tx): Promise<Lot> => {
    const row = await lockOrganizationLot(tx, actor.organizationId, lotId);
    if (row.status !== "draft" && row.status !== "published") {
      throw new DomainError(
        "lot-not-editable",
        409,
        `${row.number} is ${row.status}; only drafts and published lots can be edited.`,
      );
    }
    if (expectedVersion !== undefined && expectedVersion !== row.version) {
      throw new DomainError(
        "lot-changed",
        409,
        `${row.number} was changed by someone else since you opened it (version ${expectedVersion}, now ${row.version}); reload it and edit again.`,
      );
    }
    const deadline = new Date(input.biddingDeadline);
    requireFutureDeadline(deadline, now);
    if (compareDecimals(input.volume, row.allocatedVolume) < 0) {
      throw new DomainError(
        "volume-below-allocated",
        422,
        `volume: ${formatQuantity(row.allocatedVolume, row.unit)} are already allocated; the volume cannot be less.`,
        [
          {
            field: "volume",
            message: `must be at least the ${formatQuantity(row.allocatedVolume, row.unit)} already allocated`,
          },
        ],
      );
    }
    const { tolerance: _, qualityParameters: __, ...terms } = input;
    const [updated] = await tx
      .update(lots)
      .set({
        ...terms,
        ...deliveryTermValues(input, false),
        biddingDeadline: deadline,
        version: sql`${lots.version} + 1`,
        updatedAt: now,
      })
      .where(eq(lots.id, row.id))
      .returning();
    return updated.status === "published" ? announceLot(tx, "lot.updated", updated, now) : lotSnapshot(tx, updated);
  });
}
