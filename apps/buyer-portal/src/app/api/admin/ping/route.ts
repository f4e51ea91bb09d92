import { sendPing } from "@/domain/integration/answer-ping";
import { portal } from "@/server/portal";
import { requireIntegrationAdmin, route } from "@/server/route";

export const POST = route(async (request) => {
  const admin = await requireIntegrationAdmin(request);
  const ping = await sendPing(portal().db, admin.name);
  return Response.json({ eventId: ping.id }, { status: 201 });
});
