import { findOrganizationContract } from "@/domain/contracts/find-organization-contract";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";

export const GET = route<{ id: string }>(async (request, { params }) => {
  const me = await requireMember(request);
  return Response.json(await findOrganizationContract(portal().db, me.organizationId, (await params).id));
});
