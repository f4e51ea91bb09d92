import { listBuyerContracts } from "@/domain/contracts/find-contract";
import { portal } from "@/server/portal";
import { requireBuyer, route } from "@/server/route";

/** The buyer organization's contracts, for its signed-in members or its keys with `contracts:read`. */
export const GET = route(async (request) => {
  const buyer = await requireBuyer(request, "contracts:read");
  return Response.json({ data: await listBuyerContracts(portal().db, buyer.organizationId) });
});
