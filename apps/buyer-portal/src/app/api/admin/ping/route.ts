import { readOptionalJson } from "@lotbridge/http/read-json";
import { z } from "zod";
import { sendPing } from "@/integration/answer-ping";
import { portal } from "@/server/portal";
import { requireOperator, route } from "@/server/route";

const pingSchema = z.object({
  endpointId: z.string({ error: "must be a webhook endpoint's id" }).min(1).max(100).optional(),
});

/** Pings one endpoint: the first platform's, unless the body names another (`{"endpointId": "whe_…"}`). */
export const POST = route(async (request) => {
  const admin = await requireOperator(request);
  const { endpointId } = await readOptionalJson(request, pingSchema);
  const ping = await sendPing(portal().db, admin.name, endpointId);
  return Response.json({ eventId: ping.id }, { status: 201 });
});
