import type { Database, Transaction } from "@lotbridge/db/database";
import { and, eq, lte, sql } from "drizzle-orm";
import { type WebhookEndpoint, webhookEndpoint } from "./tables";

/** How long an endpoint may fail without a single delivery before it is disabled. */
export const DEFAULT_FAILING_FOR_MS = 5 * 24 * 60 * 60 * 1000;

export interface DisableFailingOptions {
  /** The job's clock; tests pass their own. */
  now?: Date;
  failingForMs?: number;
  /** Runs in the transaction that disables the endpoint, e.g. to tell the people who can fix it. */
  onDisabled?: (tx: Transaction, endpoint: WebhookEndpoint) => Promise<void>;
}

/**
 * Disables every enabled endpoint whose attempts have all failed for `failingForMs`, saying why and since when, and
 * returns them. Each is disabled (and `onDisabled` told) once: a disabled endpoint no longer matches. Its messages
 * stay pending, attempts untouched, until someone enables it again. Several processes may run this at once: the
 * update takes each row's lock, so only one of them disables and tells.
 */
export async function disableFailingEndpoints(
  db: Database,
  options: DisableFailingOptions = {},
): Promise<WebhookEndpoint[]> {
  const now = options.now ?? new Date();
  const failingForMs = options.failingForMs ?? DEFAULT_FAILING_FOR_MS;
  const cutoff = new Date(now.getTime() - failingForMs);
  const days = Math.round((failingForMs / 86_400_000) * 10) / 10;
  return db.transaction(async (tx) => {
    const disabled = await tx
      .update(webhookEndpoint)
      .set({
        enabled: false,
        disabledReason: sql`'Disabled automatically on ' || ${now.toISOString()}::text || ': every attempt since ' || to_char(${webhookEndpoint.failingSince} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ' failed (more than ' || ${String(days)}::text || ' days).'`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(webhookEndpoint.enabled, true), lte(webhookEndpoint.failingSince, cutoff)))
      .returning();
    for (const endpoint of disabled) await options.onDisabled?.(tx, endpoint);
    return disabled;
  });
}
