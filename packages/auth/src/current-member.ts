import { asc, eq } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { Auth } from "./create-auth";
import { member } from "./tables";

export interface CurrentMember {
  userId: string;
  /**
   * The membership (one person in one organization): what the person's own things (notifications, email choices,
   * development mailbox) belong to. A removal ends it for good; the same email admitted again is a new one.
   */
  memberId: string;
  name: string;
  email: string;
  organizationId: string;
  role: "admin" | "member";
}

/**
 * Who is calling, and for which organization. Null without a valid session, or when the user belongs to no
 * organization (removed since sign-in).
 *
 * The organization comes from the membership table, not only from the session's active organization: better-auth
 * clears the session's active organization when a user asks for one they are not a member of, and that refusal must
 * not sign them out of their own.
 */
export async function currentMember(
  auth: Auth,
  // biome-ignore lint/suspicious/noExplicitAny: schema-agnostic
  db: NodePgDatabase<any>,
  headers: Headers,
): Promise<CurrentMember | null> {
  const found = await auth.api.getSession({ headers });
  if (!found) return null;
  const memberships = await db
    .select({ id: member.id, organizationId: member.organizationId, role: member.role })
    .from(member)
    .where(eq(member.userId, found.user.id))
    .orderBy(asc(member.createdAt));
  const active = memberships.find((m) => m.organizationId === found.session.activeOrganizationId) ?? memberships[0];
  if (!active) return null;
  return {
    userId: found.user.id,
    memberId: active.id,
    name: found.user.name,
    email: found.user.email,
    organizationId: active.organizationId,
    role: active.role === "admin" || active.role === "owner" ? "admin" : "member",
  };
}
