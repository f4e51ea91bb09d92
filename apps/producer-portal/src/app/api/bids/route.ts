import { listOrganizationBids } from "@/domain/bids/list-organization-bids";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";

export const GET = route(async (request) => {
  const me = await requireMember(request);
  return Response.json({ data: await listOrganizationBids(portal().db, me.organizationId) });
});
