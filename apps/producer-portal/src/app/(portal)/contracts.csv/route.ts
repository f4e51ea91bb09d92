import { exportContracts } from "@/domain/exports/export-contracts";
import { csvResponse } from "@/server/csv-response";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";

/** A download of every contract of the member's organization (docs/saved-searches.md, "Exports"). */
export const GET = route(async (request) => {
  const me = await requireMember(request);
  return csvResponse(await exportContracts(portal().db, me.organizationId));
});
