import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type * as schema from "./schema";

export type ProducerDb = NodePgDatabase<typeof schema>;
/** A transaction or the database itself: domain functions that only write accept either. */
export type ProducerTx = Parameters<Parameters<ProducerDb["transaction"]>[0]>[0] | ProducerDb;
