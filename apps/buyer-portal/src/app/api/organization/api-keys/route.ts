import { newOrganizationKeySchema } from "@lotbridge/contract/organization-api-key";
import { readJson } from "@lotbridge/http/read-json";
import { issueOrganizationKey, listOrganizationKeys, requireKeyAdmin } from "@/integration/organization-keys";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";

/** The organization's own API keys (its ERP, its weighbridge), for its admins. */
export const GET = route(async (request) => {
  const me = await requireMember(request);
  return Response.json({ data: await listOrganizationKeys(portal().db, me) });
});

/** Issues a key for the organization; the answer is the only time the whole key is shown. */
export const POST = route(async (request) => {
  const me = await requireMember(request);
  requireKeyAdmin(me); // a member is refused before the body is read
  const input = await readJson(request, newOrganizationKeySchema);
  const issued = await issueOrganizationKey(portal().db, me, input);
  return Response.json(issued, { status: 201, headers: { "cache-control": "no-store" } });
});
