import { listBuyerContracts } from "@/domain/contracts/find-contract";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";

export const GET = route(async (request) => {
  const me = await requireMember(request);
  return Response.json({ data: await listBuyerContracts(portal().db, me.organizationId) });
});
