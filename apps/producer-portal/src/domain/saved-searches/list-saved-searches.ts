import { asc, eq, sql } from "drizzle-orm";
import type { ProducerTx } from "../../db/database";
import { type SavedSearch, savedSearchColumns, savedSearches } from "./saved-search-table";

/** The caller's own saved searches, by name; a colleague's are theirs. */
export function listSavedSearches(db: ProducerTx, memberId: string): Promise<SavedSearch[]> {
  return db
    .select(savedSearchColumns)
    .from(savedSearches)
    .where(eq(savedSearches.memberId, memberId))
    .orderBy(asc(sql`lower(${savedSearches.name})`), asc(savedSearches.id))
    .limit(200);
}
