import type { Database } from "@lotbridge/webhooks/database";
import { notificationPreference } from "./tables";

/** Records the user's choice for one type; it outlives any later change of the type's default. */
export async function setEmailPreference(db: Database, userId: string, type: string, email: boolean): Promise<void> {
  await db
    .insert(notificationPreference)
    .values({ userId, type, email })
    .onConflictDoUpdate({ target: [notificationPreference.userId, notificationPreference.type], set: { email } });
}
