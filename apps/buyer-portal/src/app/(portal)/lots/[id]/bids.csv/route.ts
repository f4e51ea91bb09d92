import { notFound } from "@lotbridge/contract/problem";
import { exportLotBids } from "@/domain/exports/export-lot-bids";
import { csvResponse } from "@/server/csv-response";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";

/** A download of every bid on one of the member's organization's lots (docs/lots.md, "Exports"). */
export const GET = route<{ id: string }>(async (request, { params }) => {
  const me = await requireMember(request);
  const exported = await exportLotBids(portal().db, me.organizationId, (await params).id);
  if (!exported) throw notFound("Lot");
  return csvResponse(exported);
});
