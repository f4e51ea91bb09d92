import { sendPing } from "@/domain/integration/answer-ping";
import { portal } from "@/server/portal";
import { requireOperator, route } from "@/server/route";

export const POST = route(async (request) => {
  const admin = await requireOperator(request);
  const ping = await sendPing(portal().db, admin.name);
  return Response.json({ eventId: ping.id }, { status: 201 });
});
