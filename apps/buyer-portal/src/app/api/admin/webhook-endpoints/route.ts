import { listEndpointHealth } from "@/integration/endpoint-health-view";
import { portal } from "@/server/portal";
import { requireOperator, route } from "@/server/route";

/** Every webhook endpoint with its delivery health. */
export const GET = route(async (request) => {
  await requireOperator(request);
  return Response.json({ data: await listEndpointHealth(portal().db) });
});
