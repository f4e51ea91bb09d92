import { revokeOrganizationKey } from "@/integration/organization-keys";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";

/** Revokes one of the organization's keys at once (its admins); another organization's key is not found. */
export const POST = route<{ id: string }>(async (request, { params }) => {
  const me = await requireMember(request);
  return Response.json(await revokeOrganizationKey(portal().db, me, (await params).id));
});
