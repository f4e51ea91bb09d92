import { signContract } from "@/domain/contracts/sign-contract";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";

/** Sign as the signed-in member; the document's hash is computed here, so no body is needed. 202: queued. */
export const POST = route<{ id: string }>(async (request, { params }) => {
  const me = await requireMember(request);
  return Response.json(await signContract(portal().db, me, (await params).id), { status: 202 });
});
