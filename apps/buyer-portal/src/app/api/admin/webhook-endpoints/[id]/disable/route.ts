import { endpointDisableSchema } from "@lotbridge/contract/webhook-endpoint-admin";
import { readJson } from "@lotbridge/http/read-json";
import { switchEndpoint } from "@/integration/endpoint-switch";
import { portal } from "@/server/portal";
import { requireOperator, route } from "@/server/route";

/** Turns an endpoint off with a reason; its messages wait until it is enabled again. */
export const POST = route<{ id: string }>(async (request, { params }) => {
  const operator = await requireOperator(request);
  const { reason } = await readJson(request, endpointDisableSchema);
  const id = (await params).id;
  return Response.json(await switchEndpoint(portal().db, id, { enabled: false, reason, by: operator.name }));
});
