import { revokeApiKey } from "@/integration/manage-api-keys";
import { portal } from "@/server/portal";
import { requireOperator, route } from "@/server/route";

export const POST = route<{ id: string }>(async (request, { params }) => {
  await requireOperator(request);
  await revokeApiKey(portal().db, (await params).id);
  return new Response(null, { status: 204 });
});
