/** The limits every pooled connection works under; each portal can change them (DATABASE_*_TIMEOUT_MS). */
export interface DatabaseTimeouts {
  /** How long to wait for a connection: a new one to be accepted, or a free one when the pool is full. */
  connectTimeoutMs: number;
  /** The server cancels a statement (and a wait for a lock) that runs longer: PostgreSQL's `statement_timeout`. */
  statementTimeoutMs: number;
  /** The server ends a session left idle inside a transaction this long, freeing its locks. */
  idleInTransactionTimeoutMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  connectTimeoutMs: 5_000,
  statementTimeoutMs: 10_000,
  idleInTransactionTimeoutMs: 30_000,
};
