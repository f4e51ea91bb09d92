import { and, eq, inArray } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { member, user } from "./tables";

export interface Recipient {
  userId: string;
  organizationId: string;
  /** Their membership of `organizationId`, which the notification belongs to. */
  memberId: string;
  email: string;
  name: string;
}

/** The people of an organization who hear about its objects: every member, or only its admins. */
export async function organizationRecipients(
  // biome-ignore lint/suspicious/noExplicitAny: schema-agnostic
  db: NodePgDatabase<any>,
  organizationId: string,
  options: { adminsOnly?: boolean } = {},
): Promise<Recipient[]> {
  return db
    .select({
      userId: user.id,
      organizationId: member.organizationId,
      memberId: member.id,
      email: user.email,
      name: user.name,
    })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(
      and(
        eq(member.organizationId, organizationId),
        options.adminsOnly ? inArray(member.role, ["admin", "owner"]) : undefined,
      ),
    )
    .orderBy(user.email);
}
