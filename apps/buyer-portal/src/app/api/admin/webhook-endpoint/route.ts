import { setWebhookEndpointEnabled } from "@lotbridge/webhooks/set-webhook-endpoint-enabled";
import { FIRST_PLATFORM_ID } from "@/integration/producer-endpoint";
import { portal } from "@/server/portal";
import { requireOperator, route } from "@/server/route";

/**
 * Turns the first platform's endpoint back on after it answered 410 Gone; dead messages can then be replayed. The
 * same as PATCH /api/admin/platforms/producer-portal/endpoints/producer-portal with `{"enabled": true}`.
 */
export const POST = route(async (request) => {
  await requireOperator(request);
  await setWebhookEndpointEnabled(portal().db, FIRST_PLATFORM_ID, { enabled: true });
  return new Response(null, { status: 204 });
});
