import type { NodePgQueryResultHKT } from "drizzle-orm/node-postgres";
import type { PgDatabase } from "drizzle-orm/pg-core";

/**
 * A node-postgres drizzle database, or a transaction on one, whatever the caller's schema: the library only uses
 * the query builder on its own tables, so any service's typed database fits.
 */
export type Database = PgDatabase<NodePgQueryResultHKT, Record<string, unknown>>;

export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
