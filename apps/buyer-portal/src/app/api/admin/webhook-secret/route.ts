import { readJson } from "@lotbridge/http/read-json";
import { rotateWebhookSecret } from "@/integration/producer-endpoint";
import { portal } from "@/server/portal";
import { requireOperator, route } from "@/server/route";
import { rotationSchema } from "../overlap-hours";

/** Rotates the signing secret; the answer is the only time the new secret is shown. */
export const POST = route(async (request) => {
  await requireOperator(request);
  const { overlapHours } = await readJson(request, rotationSchema);
  const secret = await rotateWebhookSecret(portal().db, overlapHours);
  return Response.json({ secret, overlapHours }, { status: 201, headers: { "cache-control": "no-store" } });
});
