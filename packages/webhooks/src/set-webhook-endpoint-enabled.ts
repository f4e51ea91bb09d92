import type { Database } from "@lotbridge/db/database";
import { and, eq, gt, sql } from "drizzle-orm";
import { OUTBOX_CHANNEL } from "./outbox-channel";
import { outboxMessage, webhookEndpoint } from "./tables";

/**
 * Turns an endpoint off (with a reason an admin can read) or back on. Messages for a disabled endpoint are not
 * claimed (claim-messages.ts): they wait, attempts untouched. Enabling sends them at once, whatever retry time they
 * were waiting for, and restarts the health clock: `failing_since` is cleared, so an endpoint disabled for failing
 * is not disabled again before it has failed for the whole period anew. `onlyForUrl` disables only if the endpoint
 * still has that URL, so that an answer from an old URL cannot disable a corrected one.
 */
export async function setWebhookEndpointEnabled(
  db: Database,
  id: string,
  change: { enabled: true } | { enabled: false; reason: string; onlyForUrl?: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(webhookEndpoint)
      .set(
        change.enabled
          ? { enabled: true, disabledReason: null, failingSince: null, updatedAt: sql`now()` }
          : { enabled: false, disabledReason: change.reason, updatedAt: sql`now()` },
      )
      .where(
        and(
          eq(webhookEndpoint.id, id),
          !change.enabled && change.onlyForUrl ? eq(webhookEndpoint.url, change.onlyForUrl) : undefined,
        ),
      )
      .returning({ id: webhookEndpoint.id });
    if (updated.length === 0) return false;
    if (change.enabled) {
      await tx
        .update(outboxMessage)
        .set({ nextAttemptAt: sql`now()` })
        .where(
          and(
            eq(outboxMessage.kind, "webhook"),
            eq(outboxMessage.destination, id),
            eq(outboxMessage.status, "pending"),
            gt(outboxMessage.nextAttemptAt, sql`now()`),
          ),
        );
      await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
    }
    return true;
  });
}
