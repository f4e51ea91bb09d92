import { eq } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { operatorGrant } from "./operator-grant-table";
import type { Recipient } from "./organization-recipients";
import { member, user } from "./tables";

/** The portal's operators, each by the membership that holds the grant: who hears about the portal-wide integration. */
export async function operatorRecipients(
  // biome-ignore lint/suspicious/noExplicitAny: schema-agnostic
  db: NodePgDatabase<any>,
): Promise<Recipient[]> {
  return db
    .select({
      userId: user.id,
      organizationId: member.organizationId,
      memberId: member.id,
      email: user.email,
      name: user.name,
    })
    .from(operatorGrant)
    .innerJoin(member, eq(member.id, operatorGrant.memberId))
    .innerJoin(user, eq(user.id, member.userId))
    .orderBy(user.email);
}
