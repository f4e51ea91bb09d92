import { exportBids } from "@/domain/exports/export-bids";
import { csvResponse } from "@/server/csv-response";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";

/** A download of every bid of the member's organization (docs/saved-searches.md, "Exports"). */
export const GET = route(async (request) => {
  const me = await requireMember(request);
  return csvResponse(await exportBids(portal().db, me.organizationId));
});
