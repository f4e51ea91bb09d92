import { organizationName } from "@lotbridge/auth/create-account";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";

export const GET = route(async (request) => {
  const me = await requireMember(request);
  const organization = { id: me.organizationId, name: await organizationName(portal().db, me.organizationId) };
  return Response.json({ user: { id: me.userId, name: me.name, email: me.email, role: me.role }, organization });
});
