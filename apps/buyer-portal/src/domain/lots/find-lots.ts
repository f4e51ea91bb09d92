import { organization } from "@lotbridge/auth/tables";
import type { Lot, LotStatus } from "@lotbridge/contract/lot";
import { and, desc, eq } from "drizzle-orm";
import type { BuyerDb } from "../../db/database";
import { lots } from "./lot-table";
import { lotView } from "./lot-view";

/** The lots of one buyer organization, newest first, optionally of one status. Never another organization's. */
export async function listOrganizationLots(
  db: BuyerDb,
  organizationId: string,
  filter: { status?: LotStatus } = {},
): Promise<Lot[]> {
  const rows = await db
    .select({ lot: lots, orgName: organization.name })
    .from(lots)
    .innerJoin(organization, eq(organization.id, lots.organizationId))
    .where(and(eq(lots.organizationId, organizationId), filter.status ? eq(lots.status, filter.status) : undefined))
    .orderBy(desc(lots.createdAt), desc(lots.number));
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
