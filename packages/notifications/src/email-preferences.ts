import type { Database } from "@lotbridge/db/database";
import { and, eq, inArray } from "drizzle-orm";
import { notificationPreference } from "./tables";

export interface EmailPreference {
  type: string;
  email: boolean;
  /** True when the member never chose and the default applies. */
  isDefault: boolean;
}

/** Whether the member gets each of `types` by email: their own choice, else `defaults[type]`, else no. */
export async function emailPreferences(
  db: Database,
  memberId: string,
  types: readonly string[],
  defaults: Readonly<Record<string, boolean>>,
): Promise<EmailPreference[]> {
  if (types.length === 0) return [];
  const chosen = await db
    .select({ type: notificationPreference.type, email: notificationPreference.email })
    .from(notificationPreference)
    .where(and(eq(notificationPreference.memberId, memberId), inArray(notificationPreference.type, [...types])));
  const byType = new Map(chosen.map((row) => [row.type, row.email]));
  return types.map((type) => {
    const choice = byType.get(type);
    return choice === undefined
      ? { type, email: defaults[type] ?? false, isDefault: true }
      : { type, email: choice, isDefault: false };
  });
}
