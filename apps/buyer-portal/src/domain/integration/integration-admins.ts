import type { Recipient } from "@lotbridge/auth/organization-recipients";
import { member, user } from "@lotbridge/auth/tables";
import type { Database } from "@lotbridge/webhooks/database";
import { eq, inArray, sql } from "drizzle-orm";

/**
 * Who manages the portal-wide integration (endpoint, secret, API keys, messages, replays). The settings concern every
 * buyer organization, so with `INTEGRATION_ADMINS` set only those sign-in emails may; unset, any organization admin
 * may — right for a portal of one organization, or for development.
 */
export function mayManageIntegration(
  caller: { email: string; role: "admin" | "member" },
  integrationAdmins: readonly string[],
): boolean {
  return integrationAdmins.length > 0
    ? integrationAdmins.includes(caller.email.toLowerCase())
    : caller.role === "admin";
}

/** The listed integration admins who have an account, each once, to be told when deliveries fail. */
export async function integrationAdminRecipients(
  tx: Database,
  integrationAdmins: readonly string[],
): Promise<Recipient[]> {
  if (integrationAdmins.length === 0) return [];
  const rows = await tx
    .selectDistinctOn([user.id], {
      userId: user.id,
      organizationId: member.organizationId,
      memberId: member.id,
      email: user.email,
      name: user.name,
    })
    .from(user)
    .innerJoin(member, eq(member.userId, user.id))
    .where(inArray(sql`lower(${user.email})`, [...integrationAdmins]))
    .orderBy(user.id);
  return rows;
}
