import { newWebhookEndpointSchema } from "@lotbridge/contract/producer-platform";
import { readJson } from "@lotbridge/http/read-json";
import { addEndpoint } from "@/integration/manage-platform-endpoints";
import { portal } from "@/server/portal";
import { requireOperator, route } from "@/server/route";

/** Adds a webhook endpoint; the answer is the only time its signing secret is shown. */
export const POST = route<{ id: string }>(async (request, { params }) => {
  await requireOperator(request);
  const input = await readJson(request, newWebhookEndpointSchema);
  const created = await addEndpoint(portal().db, (await params).id, input);
  return Response.json(created, { status: 201, headers: { "cache-control": "no-store" } });
});
