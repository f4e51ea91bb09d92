import { messageListQuerySchema } from "@lotbridge/contract/delivery-message";
import { validate } from "@lotbridge/http/read-json";
import { listDeliveryMessages } from "@/integration/endpoint-messages";
import { portal } from "@/server/portal";
import { requireOperator, route } from "@/server/route";

/** Every outgoing message, newest first, a page at a time; find an event's copies by `eventId`. */
export const GET = route(async (request) => {
  await requireOperator(request);
  const query = validate(messageListQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listDeliveryMessages(portal().db, query));
});
