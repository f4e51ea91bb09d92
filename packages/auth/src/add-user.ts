import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { and, eq, sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { insertUser, type NewUser, newAuthId } from "./create-account";
import { operatorGrant } from "./operator-grant-table";
import { account, member, organization, session, user } from "./tables";

// biome-ignore lint/suspicious/noExplicitAny: schema-agnostic
type Db = NodePgDatabase<any>;

export interface AddUserInput extends NewUser {
  /** The organization's name; created when no organization has it yet. */
  organization: string;
  /** Makes the new membership an operator of the portal (`--operator`), in the same transaction. */
  operator?: boolean;
}

/** A password for someone else to hand over: 24 URL-safe characters, 144 random bits. */
export const generatePassword = () => randomBytes(18).toString("base64url");

/** A person who cannot be added (e.g. the email has an account); the message says why, nothing was stored. */
export class AccountRefused extends Error {}

/** The organization's slug: lower case, words joined by dashes (e.g. "Northfield Mills" → "northfield-mills"). */
export const organizationSlug = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/**
 * An operator adds a person to an organization (creating the organization on its first user), in one transaction.
 * An email that already has an account is refused and nothing is stored.
 */
export async function addUser(
  db: Db,
  input: AddUserInput,
): Promise<{ organizationId: string; organizationCreated: boolean; userId: string }> {
  const slug = organizationSlug(input.organization);
  if (!slug) throw new AccountRefused(`"${input.organization}" has no letters or digits to name an organization by.`);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    // Two operators adding the first users of one organization at once must not create it twice.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`organization:${slug}`}))`);
    const [existing] = await tx.select({ id: organization.id }).from(organization).where(eq(organization.slug, slug));
    const organizationId = existing?.id ?? newAuthId("org");
    if (!existing) await tx.insert(organization).values({ id: organizationId, name: input.organization.trim(), slug });
    const userId = await insertPerson(tx, organizationId, input, passwordHash);
    if (input.operator) {
      const [membership] = await tx
        .select({ id: member.id })
        .from(member)
        .where(and(eq(member.organizationId, organizationId), eq(member.userId, userId)));
      await tx.insert(operatorGrant).values({ memberId: membership.id, grantedBy: "add-user --operator" });
    }
    return { organizationId, organizationCreated: !existing, userId };
  });
}

/** An organization admin adds a colleague to their own organization. */
export async function addMember(db: Db, organizationId: string, input: NewUser): Promise<string> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => insertPerson(tx, organizationId, input, passwordHash));
}

/**
 * A new user, or one who was removed from their organization (their user row stays, for the history of what they
 * did) coming back with a new password. Anyone who still belongs to an organization is refused.
 */
async function insertPerson(tx: Db, organizationId: string, input: NewUser, passwordHash: string): Promise<string> {
  const email = input.email.toLowerCase();
  // Serializes two additions of one email; the unique index on user.email is the last word either way.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`email:${email}`}))`);
  const [existing] = await tx.select({ id: user.id }).from(user).where(eq(user.email, email));
  if (!existing) return insertUser(tx, organizationId, { ...input, email }, passwordHash);
  if ((await tx.$count(member, eq(member.userId, existing.id))) > 0) {
    throw new AccountRefused(`${email} already has an account.`);
  }
  await tx.update(user).set({ name: input.name, updatedAt: new Date() }).where(eq(user.id, existing.id));
  // Whatever login or session they still had (e.g. membership deleted by hand) is replaced, not doubled.
  await tx.delete(session).where(eq(session.userId, existing.id));
  await tx.delete(account).where(eq(account.userId, existing.id));
  await tx.insert(account).values({
    id: randomUUID(),
    accountId: existing.id,
    providerId: "credential",
    userId: existing.id,
    password: passwordHash,
  });
  await tx.insert(member).values({ id: randomUUID(), organizationId, userId: existing.id, role: input.role });
  return existing.id;
}

/**
 * An organization admin removes a colleague: their sessions end, their password stops working and their membership
 * goes, in one transaction. The user row stays (lots and keys they created keep their author); the same email can be
 * given an account again later. Nobody removes themselves, and only people of the admin's own organization.
 */
export async function removeMember(db: Db, organizationId: string, adminUserId: string, userId: string): Promise<void> {
  if (userId === adminUserId) throw new AccountRefused("You cannot remove yourself; another admin can.");
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(member)
      .where(and(eq(member.organizationId, organizationId), eq(member.userId, userId)))
      .returning({ id: member.id });
    if (removed.length === 0) throw new NotInOrganization();
    await tx.delete(session).where(eq(session.userId, userId));
    await tx.delete(account).where(eq(account.userId, userId));
  });
}

/**
 * An organization admin gives a colleague who forgot their password a new one: the old one stops working and their
 * sessions end. Only for people of the admin's own organization; admins change their own on their account page.
 */
export async function resetMemberPassword(
  db: Db,
  organizationId: string,
  adminUserId: string,
  userId: string,
  password: string,
): Promise<void> {
  if (userId === adminUserId) throw new AccountRefused("Change your own password on your account page.");
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [membership] = await tx
      .select({ id: member.id })
      .from(member)
      .where(and(eq(member.organizationId, organizationId), eq(member.userId, userId)));
    if (!membership) throw new NotInOrganization();
    await tx
      .update(account)
      .set({ password: passwordHash, updatedAt: new Date() })
      .where(and(eq(account.userId, userId), eq(account.providerId, "credential")));
    await tx.delete(session).where(eq(session.userId, userId));
  });
}

export class NotInOrganization extends Error {}
