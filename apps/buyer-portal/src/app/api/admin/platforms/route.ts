import { newPlatformSchema } from "@lotbridge/contract/producer-platform";
import { readJson } from "@lotbridge/http/read-json";
import { createPlatform, listPlatforms } from "@/integration/manage-platforms";
import { portal } from "@/server/portal";
import { requireOperator, route } from "@/server/route";

export const GET = route(async (request) => {
  await requireOperator(request);
  return Response.json({ data: await listPlatforms(portal().db) });
});

/** Registers a producer platform; its keys (POST /api/admin/api-keys) and endpoints are added after. */
export const POST = route(async (request) => {
  const operator = await requireOperator(request);
  const input = await readJson(request, newPlatformSchema);
  return Response.json(await createPlatform(portal().db, input, operator.userId), { status: 201 });
});
