import { DomainError } from "@lotbridge/contract/problem";
import { eq } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import type { Actor } from "./create-draft-lot";
import { lockOrganizationLot } from "./lock-organization-lot";
import { lots } from "./lot-table";

/** A draft is thrown away. Producers never saw it, so nothing is sent; anything published is cancelled instead. */
export async function deleteDraft(db: BuyerTx, lotId: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await lockOrganizationLot(tx, actor.organizationId, lotId);
    if (row.status !== "draft") {
      throw new DomainError(
        "only-drafts-deletable",
        409,
        `${row.number} is ${row.status}; only drafts can be deleted. Cancel it instead.`,
      );
    }
    await tx.delete(lots).where(eq(lots.id, row.id));
  });
}
