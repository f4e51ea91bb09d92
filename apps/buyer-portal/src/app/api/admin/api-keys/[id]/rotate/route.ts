import { readJson } from "@lotbridge/http/read-json";
import { rotateApiKey } from "@/integration/manage-api-keys";
import { portal } from "@/server/portal";
import { requireOperator, route } from "@/server/route";
import { rotationSchema } from "../../../overlap-hours";

export const POST = route<{ id: string }>(async (request, { params }) => {
  const admin = await requireOperator(request);
  const { overlapHours } = await readJson(request, rotationSchema);
  const successor = await rotateApiKey(portal().db, (await params).id, overlapHours, admin.userId);
  return Response.json(successor, { status: 201, headers: { "cache-control": "no-store" } });
});
