import { type CurrentMember, currentMember } from "@lotbridge/auth/current-member";
import { forbidden, unauthenticated } from "@lotbridge/contract/problem";
import { portal } from "./portal";

const ADMINS_ONLY = "Only an organization's admins can see the integration with the buyer portal.";

/** The signed-in admin, or a 401 (no session) or 403 (a member) problem. */
export async function requireAdmin(headers: Headers): Promise<CurrentMember> {
  const { auth, db } = portal();
  const me = await currentMember(auth, db, headers);
  if (!me) throw unauthenticated();
  if (me.role !== "admin") throw forbidden(ADMINS_ONLY);
  return me;
}
