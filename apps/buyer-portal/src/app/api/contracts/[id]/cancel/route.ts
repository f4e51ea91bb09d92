import { contractCancellationSchema } from "@lotbridge/contract/contract-cancellation";
import { readJson } from "@lotbridge/http/read-json";
import { cancelContract } from "@/domain/contracts/cancel-contract";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";

/** The buyer calls a contract off before it is active (session). */
export const POST = route<{ id: string }>(async (request, { params }) => {
  const me = await requireMember(request);
  const { reason } = await readJson(request, contractCancellationSchema);
  return Response.json(await cancelContract(portal().db, me.organizationId, (await params).id, reason));
});
