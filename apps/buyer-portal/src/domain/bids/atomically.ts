import { PgTransaction } from "drizzle-orm/pg-core";
import type { BuyerTx } from "../../db/database";

/**
 * Runs `work` in one transaction: the caller's when it passes one (an idempotent request's, which commits or rolls
 * back the work with its record), else a new one. A nested transaction would only add a savepoint and its release,
 * two round trips, without changing what commits: a failure inside still fails the caller's whole transaction.
 */
export function atomically<T>(db: BuyerTx, work: (tx: BuyerTx) => Promise<T>): Promise<T> {
  return db instanceof PgTransaction ? work(db) : db.transaction(work);
}
