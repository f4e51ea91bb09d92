import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { type Auth, isMember } from "./create-auth";

export interface CurrentMember {
  userId: string;
  name: string;
  email: string;
  organizationId: string;
  role: "admin" | "member";
}

/**
 * Who is calling, and for which organization. Null when there is no valid session or the user is no longer a
 * member of the session's organization (removed since sign-in).
 */
export async function currentMember(
  auth: Auth,
  // biome-ignore lint/suspicious/noExplicitAny: schema-agnostic
  db: NodePgDatabase<any>,
  headers: Headers,
): Promise<CurrentMember | null> {
  const found = await auth.api.getSession({ headers });
  const organizationId = found?.session.activeOrganizationId;
  if (!found || !organizationId) return null;
  const role = await isMember(db, found.user.id, organizationId);
  if (!role) return null;
  return {
    userId: found.user.id,
    name: found.user.name,
    email: found.user.email,
    organizationId,
    role: role === "admin" || role === "owner" ? "admin" : "member",
  };
}
