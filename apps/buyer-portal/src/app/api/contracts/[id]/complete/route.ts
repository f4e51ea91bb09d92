import { contractCompletionSchema } from "@lotbridge/contract/contract-completion";
import { readJson } from "@lotbridge/http/read-json";
import { completeContract } from "@/domain/contracts/complete-contract";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";

/** The buyer declares an active contract fulfilled (session). */
export const POST = route<{ id: string }>(async (request, { params }) => {
  const me = await requireMember(request);
  const { note } = await readJson(request, contractCompletionSchema);
  return Response.json(await completeContract(portal().db, me.organizationId, (await params).id, note));
});
