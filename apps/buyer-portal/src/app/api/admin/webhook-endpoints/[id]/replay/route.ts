import { endpointReplaySchema } from "@lotbridge/contract/webhook-endpoint-admin";
import { readJson } from "@lotbridge/http/read-json";
import { replayEndpointRange } from "@/integration/endpoint-replay";
import { portal } from "@/server/portal";
import { requireOperator, route } from "@/server/route";

/** Queues again an endpoint's dead (and optionally delivered) messages of a time range; answers how many. */
export const POST = route<{ id: string }>(async (request, { params }) => {
  await requireOperator(request);
  const range = await readJson(request, endpointReplaySchema);
  return Response.json(await replayEndpointRange(portal().db, (await params).id, range));
});
