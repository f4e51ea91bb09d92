import { organization } from "@lotbridge/auth/tables";
import type { Lot } from "@lotbridge/contract/lot";
import { and, eq, isNotNull } from "drizzle-orm";
import type { BuyerDb } from "../../db/database";
import { lots } from "./lot-table";
import { lotView } from "./lot-view";

/**
 * A lot as producers may read it: any lot that was ever published, in whatever state it is now — a producer who bid
 * on a lot later cancelled must be able to learn so. Drafts, and drafts cancelled unpublished, do not exist for them.
 */
export async function findExternalLot(db: BuyerDb, lotId: string): Promise<Lot | undefined> {
  const [row] = await db
    .select({ lot: lots, orgName: organization.name })
    .from(lots)
    .innerJoin(organization, eq(organization.id, lots.organizationId))
    .where(and(eq(lots.id, lotId), isNotNull(lots.publishedSeq)));
  return row ? lotView(row.lot, row.orgName) : undefined;
}
