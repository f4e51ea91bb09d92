import { eventFeedQuerySchema } from "@lotbridge/contract/event-feed";
import { validate } from "@lotbridge/http/read-json";
import { listEvents } from "@/integration/list-events";
import { portal } from "@/server/portal";
import { requireApiKey, route } from "@/server/route";

export const GET = route(async (request) => {
  const caller = await requireApiKey(request, "lots:read");
  const query = validate(eventFeedQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listEvents(portal().db, caller.platform, query.after, query.limit));
});
