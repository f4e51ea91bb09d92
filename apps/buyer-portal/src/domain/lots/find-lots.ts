import { organization } from "@lotbridge/auth/tables";
import type { Lot } from "@lotbridge/contract/lot";
import { and, desc, eq } from "drizzle-orm";
import type { BuyerDb } from "../../db/database";
import { lots } from "./lot-table";
import { lotView } from "./lot-view";

/** The lots of one buyer organization, newest first. Another organization's lots are never returned. */
export async function listOrganizationLots(db: BuyerDb, organizationId: string): Promise<Lot[]> {
  const rows = await db
    .select({ lot: lots, orgName: organization.name })
    .from(lots)
    .innerJoin(organization, eq(organization.id, lots.organizationId))
    .where(eq(lots.organizationId, organizationId))
    .orderBy(desc(lots.createdAt));
  return rows.map((r) => lotView(r.lot, r.orgName));
}

/** One lot, only if it belongs to `organizationId`: for a buyer, another organization's lot does not exist. */
export async function findOrganizationLot(
  db: BuyerDb,
  organizationId: string,
  lotId: string,
): Promise<Lot | undefined> {
  const [row] = await db
    .select({ lot: lots, orgName: organization.name })
    .from(lots)
    .innerJoin(organization, eq(organization.id, lots.organizationId))
    .where(and(eq(lots.id, lotId), eq(lots.organizationId, organizationId)));
  return row ? lotView(row.lot, row.orgName) : undefined;
}
