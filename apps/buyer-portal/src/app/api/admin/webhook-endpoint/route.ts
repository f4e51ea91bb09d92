import { setWebhookEndpointEnabled } from "@lotbridge/webhooks/set-webhook-endpoint-enabled";
import { PRODUCER_ENDPOINT_ID } from "@/domain/integration/publish-event";
import { portal } from "@/server/portal";
import { requireOperator, route } from "@/server/route";

/** Turns the producer endpoint back on after it answered 410 Gone; dead messages can then be replayed. */
export const POST = route(async (request) => {
  await requireOperator(request);
  await setWebhookEndpointEnabled(portal().db, PRODUCER_ENDPOINT_ID, { enabled: true });
  return new Response(null, { status: 204 });
});
