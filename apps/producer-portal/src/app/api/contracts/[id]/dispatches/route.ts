import { dispatchInputSchema } from "@lotbridge/contract/delivery";
import { readJson } from "@lotbridge/http/read-json";
import { announceDispatch } from "@/domain/deliveries/announce-dispatch";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";

/** Announce a load on the organization's contract; 202: stored as sending and queued for the buyer portal. */
export const POST = route<{ id: string }>(async (request, { params }) => {
  const me = await requireMember(request);
  const input = await readJson(request, dispatchInputSchema);
  const dispatch = await announceDispatch(portal().db, me, (await params).id, input);
  return Response.json(dispatch, { status: 202 });
});
