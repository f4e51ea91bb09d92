import { replayEvent } from "@/integration/replay-event";
import { portal } from "@/server/portal";
import { requireOperator, route } from "@/server/route";

/** An operator replays a failed buyer event; the answer says how it went this time (applied, failed, …). */
export const POST = route<{ eventId: string }>(async (request, { params }, log) => {
  await requireOperator(request);
  const { db, config } = portal();
  const { eventId } = await params;
  const result = await replayEvent(db, eventId, { publicUrl: config.PUBLIC_URL, log });
  return Response.json({ eventId, ...result });
});
