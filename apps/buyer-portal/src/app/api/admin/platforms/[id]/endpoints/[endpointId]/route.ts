import { webhookEndpointChangeSchema } from "@lotbridge/contract/producer-platform";
import { readJson } from "@lotbridge/http/read-json";
import { changeEndpoint } from "@/integration/manage-platform-endpoints";
import { portal } from "@/server/portal";
import { requireOperator, route } from "@/server/route";

export const PATCH = route<{ id: string; endpointId: string }>(async (request, { params }) => {
  const operator = await requireOperator(request);
  const change = await readJson(request, webhookEndpointChangeSchema);
  const { id, endpointId } = await params;
  return Response.json(await changeEndpoint(portal().db, id, endpointId, change, operator.name));
});
