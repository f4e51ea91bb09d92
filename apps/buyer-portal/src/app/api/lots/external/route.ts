import { lotListingQuerySchema } from "@lotbridge/contract/lot-listing";
import { validate } from "@lotbridge/http/read-json";
import { listExternalLots } from "@/domain/lots/list-external-lots";
import { portal } from "@/server/portal";
import { requireApiKey, route } from "@/server/route";

export const GET = route(async (request) => {
  await requireApiKey(request, "lots:read");
  const query = validate(lotListingQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listExternalLots(portal().db, query));
});
