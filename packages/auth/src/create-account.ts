import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { eq } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { account, member, organization, user } from "./tables";

export interface NewOrganization {
  name: string;
  slug: string;
  metadata?: Record<string, unknown>;
}

export interface NewUser {
  name: string;
  email: string;
  password: string;
  role: "admin" | "member";
}

/** Creates an organization with its users, passwords hashed by better-auth. Used by the demo seed and by tests. */
export async function createOrganizationWithUsers(
  // biome-ignore lint/suspicious/noExplicitAny: schema-agnostic
  db: NodePgDatabase<any>,
  org: NewOrganization,
  users: NewUser[],
): Promise<{ organizationId: string; userIds: string[] }> {
  const organizationId = newAuthId("org");
  const hashes = await Promise.all(users.map((u) => hashPassword(u.password)));
  const userIds: string[] = [];
  await db.transaction(async (tx) => {
    await tx.insert(organization).values({
      id: organizationId,
      name: org.name,
      slug: org.slug,
      metadata: org.metadata ? JSON.stringify(org.metadata) : null,
    });
    for (const [index, u] of users.entries()) {
      userIds.push(await insertUser(tx, organizationId, u, hashes[index]));
    }
  });
  return { organizationId, userIds };
}

export const newAuthId = (prefix: "org" | "usr") => `${prefix}_${randomUUID().replaceAll("-", "")}`;

/** One user with a password login and a membership, inside the caller's transaction. */
export async function insertUser(
  // biome-ignore lint/suspicious/noExplicitAny: schema-agnostic
  tx: NodePgDatabase<any>,
  organizationId: string,
  u: Omit<NewUser, "password">,
  passwordHash: string,
): Promise<string> {
  const userId = newAuthId("usr");
  await tx.insert(user).values({ id: userId, name: u.name, email: u.email.toLowerCase(), emailVerified: true });
  await tx.insert(account).values({
    id: randomUUID(),
    accountId: userId,
    providerId: "credential",
    userId,
    password: passwordHash,
  });
  await tx.insert(member).values({ id: randomUUID(), organizationId, userId, role: u.role });
  return userId;
}

export async function countUsers(
  // biome-ignore lint/suspicious/noExplicitAny: schema-agnostic
  db: NodePgDatabase<any>,
): Promise<number> {
  return (await db.$count(user)) ?? 0;
}

export async function organizationName(
  // biome-ignore lint/suspicious/noExplicitAny: schema-agnostic
  db: NodePgDatabase<any>,
  organizationId: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ name: organization.name })
    .from(organization)
    .where(eq(organization.id, organizationId));
  return row?.name;
}
