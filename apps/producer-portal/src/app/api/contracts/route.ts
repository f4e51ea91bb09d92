import { listOrganizationContracts } from "@/domain/contracts/list-organization-contracts";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";

export const GET = route(async (request) => {
  const me = await requireMember(request);
  return Response.json({ data: await listOrganizationContracts(portal().db, me.organizationId) });
});
