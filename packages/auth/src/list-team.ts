import { asc, eq } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { member, user } from "./tables";

/** One person of an organization, as `GET /api/team` and the Team page list them. */
export interface TeamMember {
  userId: string;
  name: string;
  email: string;
  role: "admin" | "member";
  since: string;
}

/** The people of one organization, admins first, then by name. */
export async function listTeam(
  // biome-ignore lint/suspicious/noExplicitAny: schema-agnostic
  db: NodePgDatabase<any>,
  organizationId: string,
): Promise<TeamMember[]> {
  const rows = await db
    .select({ userId: user.id, name: user.name, email: user.email, role: member.role, since: member.createdAt })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(eq(member.organizationId, organizationId))
    .orderBy(asc(member.role), asc(user.name));
  return rows.map((row) => ({
    ...row,
    role: row.role === "member" ? "member" : "admin",
    since: row.since.toISOString(),
  }));
}
