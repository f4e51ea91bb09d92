/** The PostgreSQL NOTIFY channel on which a committed enqueue wakes every dispatcher of the database. */
export const OUTBOX_CHANNEL = "lotbridge_outbox";
