import { readJson } from "@lotbridge/http/read-json";
import { listSavedSearches } from "@/domain/saved-searches/list-saved-searches";
import { saveSearch } from "@/domain/saved-searches/save-search";
import { savedSearchInputSchema } from "@/domain/saved-searches/saved-search-input";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";

/** The caller's own saved searches. */
export const GET = route(async (request) => {
  const me = await requireMember(request);
  return Response.json({ data: await listSavedSearches(portal().db, me.memberId) });
});

/** Saves the marketplace's filters under a name, for the caller. */
export const POST = route(async (request) => {
  const me = await requireMember(request);
  const input = await readJson(request, savedSearchInputSchema);
  return Response.json(await saveSearch(portal().db, me, input), { status: 201 });
});
