import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type * as schema from "./schema";

export type BuyerDb = NodePgDatabase<typeof schema>;
/** A transaction or the database itself: domain functions that only write accept either. */
export type BuyerTx = Parameters<Parameters<BuyerDb["transaction"]>[0]>[0] | BuyerDb;
