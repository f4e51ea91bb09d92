import { readJson } from "@lotbridge/http/read-json";
import { deleteSavedSearch } from "@/domain/saved-searches/delete-saved-search";
import { renameSavedSearch } from "@/domain/saved-searches/rename-saved-search";
import { savedSearchNameSchema } from "@/domain/saved-searches/saved-search-input";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";

/** Renames one of the caller's saved searches. */
export const PATCH = route<{ id: string }>(async (request, { params }) => {
  const me = await requireMember(request);
  const { name } = await readJson(request, savedSearchNameSchema);
  return Response.json(await renameSavedSearch(portal().db, me.memberId, (await params).id, name));
});

/** Deletes one of the caller's saved searches. */
export const DELETE = route<{ id: string }>(async (request, { params }) => {
  const me = await requireMember(request);
  await deleteSavedSearch(portal().db, me.memberId, (await params).id);
  return new Response(null, { status: 204 });
});
