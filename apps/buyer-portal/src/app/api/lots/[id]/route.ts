import { notFound } from "@lotbridge/contract/problem";
import { findOrganizationLot } from "@/domain/lots/find-lots";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";

export const GET = route<{ id: string }>(async (request, { params }) => {
  const me = await requireMember(request);
  const lot = await findOrganizationLot(portal().db, me.organizationId, (await params).id);
  if (!lot) throw notFound("Lot");
  return Response.json(lot);
});
