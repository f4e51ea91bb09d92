import { readJson } from "@lotbridge/http/read-json";
import { rotateEndpointSecret } from "@/integration/manage-platform-endpoints";
import { portal } from "@/server/portal";
import { requireOperator, route } from "@/server/route";
import { rotationSchema } from "../../../../../overlap-hours";

/** A new signing secret, with the old one still signing for the overlap; the answer is the only time it is shown. */
export const POST = route<{ id: string; endpointId: string }>(async (request, { params }) => {
  await requireOperator(request);
  const { overlapHours } = await readJson(request, rotationSchema);
  const { id, endpointId } = await params;
  const secret = await rotateEndpointSecret(portal().db, id, endpointId, overlapHours);
  return Response.json({ secret, overlapHours }, { status: 201, headers: { "cache-control": "no-store" } });
});
