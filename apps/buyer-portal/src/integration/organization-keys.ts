import type { NewOrganizationKey, OrganizationKey } from "@lotbridge/contract/organization-api-key";
import { forbidden, notFound } from "@lotbridge/contract/problem";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { BuyerDb } from "../db/database";
import { apiKeys } from "./integration-tables";
import { issueApiKey } from "./issue-api-key";

/** An organization's admin acting on its keys: the membership's organization and role, from the session. */
export interface KeyAdmin {
  userId: string;
  organizationId: string;
  role: "admin" | "member";
}

const ADMINS_ONLY = "Only an admin of your organization can see, issue or revoke its API keys.";

/**
 * A key acts for the whole organization, with no person behind each call, so only the organization's admins hold
 * them (as they hold who belongs to the organization); members and the portal's operators, as such, do not.
 */
export function requireKeyAdmin(admin: KeyAdmin): void {
  if (admin.role !== "admin") throw forbidden(ADMINS_ONLY);
}

function view(row: typeof apiKeys.$inferSelect): OrganizationKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes as OrganizationKey["scopes"],
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** The organization's keys, newest first, revoked ones included; never their hashes. */
export async function listOrganizationKeys(db: BuyerDb, admin: KeyAdmin): Promise<OrganizationKey[]> {
  requireKeyAdmin(admin);
  const rows = await db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.organizationId, admin.organizationId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map(view);
}

/** Issues a key owned by the admin's organization; the answer is the only time the whole key is shown. */
export async function issueOrganizationKey(
  db: BuyerDb,
  admin: KeyAdmin,
  input: NewOrganizationKey,
): Promise<OrganizationKey & { key: string }> {
  requireKeyAdmin(admin);
  return db.transaction(async (tx) => {
    const issued = await issueApiKey(tx, {
      name: input.name,
      platform: null,
      organizationId: admin.organizationId,
      scopes: [...new Set(input.scopes)],
      createdBy: admin.userId,
    });
    const [row] = await tx.select().from(apiKeys).where(eq(apiKeys.id, issued.id));
    return { ...view(row), key: issued.key };
  });
}

/** Revokes one of the organization's keys; it stops working at once. Another organization's key is not found. */
export async function revokeOrganizationKey(
  db: BuyerDb,
  admin: KeyAdmin,
  keyId: string,
  now = new Date(),
): Promise<OrganizationKey> {
  requireKeyAdmin(admin);
  const mine = and(eq(apiKeys.id, keyId), eq(apiKeys.organizationId, admin.organizationId));
  const [revoked] = await db
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(mine, isNull(apiKeys.revokedAt)))
    .returning();
  if (revoked) return view(revoked);
  const [already] = await db.select().from(apiKeys).where(mine);
  if (!already) throw notFound("API key");
  return view(already);
}
