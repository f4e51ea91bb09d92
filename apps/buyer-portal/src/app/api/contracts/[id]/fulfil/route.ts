import { fulfilmentInputSchema } from "@lotbridge/contract/delivery";
import { readJson } from "@lotbridge/http/read-json";
import { fulfilContract } from "@/domain/deliveries/fulfil-contract";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";

/** A buyer member confirms a contract in delivery fulfilled (session); issues the settlement statement. */
export const POST = route<{ id: string }>(async (request, { params }) => {
  const me = await requireMember(request);
  const { note } = await readJson(request, fulfilmentInputSchema);
  return Response.json(await fulfilContract(portal().db, me, (await params).id, note));
});
