import type { Database } from "@lotbridge/db/database";
import { notificationPreference } from "./tables";

/** Records the member's choice for one type; it outlives any later change of the type's default. */
export async function setEmailPreference(db: Database, memberId: string, type: string, email: boolean): Promise<void> {
  await db
    .insert(notificationPreference)
    .values({ memberId, type, email })
    .onConflictDoUpdate({ target: [notificationPreference.memberId, notificationPreference.type], set: { email } });
}
