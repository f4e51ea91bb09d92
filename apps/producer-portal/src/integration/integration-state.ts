import { and, eq, inArray, sql } from "drizzle-orm";
import type { ProducerTx } from "../db/database";
import { integrationState } from "./integration-tables";

/** The facts the integration keeps, by key. */
export const STATE = {
  /** The events feed's nextCursor after the last page applied. */
  feedCursor: "events-feed.cursor",
  /** "succeeded" or "failed"; its updatedAt is when reconciliation last ran. */
  lastRun: "reconciliation.last-run",
  /** Why reconciliation last failed; kept after later successes, so an admin can see when it last went wrong. */
  lastError: "reconciliation.last-error",
} as const;

export type StateKey = (typeof STATE)[keyof typeof STATE];

export interface StateFact {
  value: string;
  updatedAt: Date;
}

/** The facts asked for; a key never written is absent. */
export async function readState(db: ProducerTx, keys: StateKey[]): Promise<Partial<Record<StateKey, StateFact>>> {
  const rows = await db.select().from(integrationState).where(inArray(integrationState.key, keys));
  return Object.fromEntries(rows.map((row) => [row.key, { value: row.value, updatedAt: row.updatedAt }]));
}

export async function writeState(db: ProducerTx, key: StateKey, value: string): Promise<void> {
  await db
    .insert(integrationState)
    .values({ key, value })
    .onConflictDoUpdate({ target: integrationState.key, set: { value, updatedAt: sql`now()` } });
}

/**
 * Sets a fact only if it still holds `expected` (absent: null), and locks it until the transaction ends. Two
 * processes reading the same page both try; the second waits, finds the value moved, and backs off.
 */
export async function compareAndSetState(
  tx: ProducerTx,
  key: StateKey,
  expected: string | null,
  value: string,
): Promise<boolean> {
  const written =
    expected === null
      ? await tx.insert(integrationState).values({ key, value }).onConflictDoNothing().returning()
      : await tx
          .update(integrationState)
          .set({ value, updatedAt: sql`now()` })
          .where(and(eq(integrationState.key, key), eq(integrationState.value, expected)))
          .returning();
  return written.length > 0;
}
