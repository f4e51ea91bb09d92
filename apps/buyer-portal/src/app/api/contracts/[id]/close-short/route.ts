import { closeShortInputSchema } from "@lotbridge/contract/delivery";
import { readJson } from "@lotbridge/http/read-json";
import { closeContractShort } from "@/domain/deliveries/close-contract-short";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";

/** A buyer member ends a contract below its tolerance, with a reason (session); issues the settlement statement. */
export const POST = route<{ id: string }>(async (request, { params }) => {
  const me = await requireMember(request);
  const { reason } = await readJson(request, closeShortInputSchema);
  return Response.json(await closeContractShort(portal().db, me, (await params).id, reason));
});
