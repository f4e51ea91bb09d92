import { and, eq, sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { operatorGrant } from "./operator-grant-table";
import { member, organization, user } from "./tables";

// biome-ignore lint/suspicious/noExplicitAny: schema-agnostic
type Db = NodePgDatabase<any>;

/** One person in one organization, named the way an operator names them: sign-in email and organization slug. */
export interface OperatorMembership {
  email: string;
  organizationSlug: string;
}

/** Nobody with that email belongs to that organization; nothing was changed. */
export class NoSuchMembership extends Error {
  constructor(named: OperatorMembership) {
    super(`${named.email} is not a member of the organization "${named.organizationSlug}".`);
  }
}

/** The membership's id, or null: the email must belong to that very organization now. */
export async function findMembership(db: Db, named: OperatorMembership): Promise<string | null> {
  const [found] = await db
    .select({ id: member.id })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .innerJoin(organization, eq(organization.id, member.organizationId))
    .where(
      and(eq(sql`lower(${user.email})`, named.email.toLowerCase()), eq(organization.slug, named.organizationSlug)),
    );
  return found?.id ?? null;
}

/**
 * Makes the named membership an operator of the portal. Resolves true when it was granted now, false when it held the
 * grant already; throws NoSuchMembership (never creating an account) when the person is not in that organization.
 */
export async function grantOperator(db: Db, named: OperatorMembership, grantedBy: string): Promise<boolean> {
  const memberId = await findMembership(db, named);
  if (!memberId) throw new NoSuchMembership(named);
  const granted = await db
    .insert(operatorGrant)
    .values({ memberId, grantedBy })
    .onConflictDoNothing()
    .returning({ memberId: operatorGrant.memberId });
  return granted.length > 0;
}

/** Takes the grant from the named membership. Resolves false when it held none; throws NoSuchMembership. */
export async function revokeOperator(db: Db, named: OperatorMembership): Promise<boolean> {
  const memberId = await findMembership(db, named);
  if (!memberId) throw new NoSuchMembership(named);
  const revoked = await db
    .delete(operatorGrant)
    .where(eq(operatorGrant.memberId, memberId))
    .returning({ memberId: operatorGrant.memberId });
  return revoked.length > 0;
}
