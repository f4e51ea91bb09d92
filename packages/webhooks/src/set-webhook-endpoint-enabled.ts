import { and, eq, sql } from "drizzle-orm";
import type { Database } from "./database";
import { webhookEndpoint } from "./tables";

/**
 * Turns an endpoint off (with a reason an admin can read) or back on. Messages for a disabled endpoint are not
 * claimed (claim-messages.ts): they wait, attempts untouched, and go out once it is enabled again. `onlyForUrl` disables only if the endpoint still has that URL, so that an
 * answer from an old URL cannot disable a corrected one.
 */
export async function setWebhookEndpointEnabled(
  db: Database,
  id: string,
  change: { enabled: true } | { enabled: false; reason: string; onlyForUrl?: string },
): Promise<boolean> {
  const updated = await db
    .update(webhookEndpoint)
    .set({ enabled: change.enabled, disabledReason: change.enabled ? null : change.reason, updatedAt: sql`now()` })
    .where(
      and(
        eq(webhookEndpoint.id, id),
        !change.enabled && change.onlyForUrl ? eq(webhookEndpoint.url, change.onlyForUrl) : undefined,
      ),
    )
    .returning({ id: webhookEndpoint.id });
  return updated.length > 0;
}
