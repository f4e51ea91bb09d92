import { notFound } from "@lotbridge/contract/problem";
import { and, eq } from "drizzle-orm";
import type { ProducerTx } from "../../db/database";
import { savedSearches } from "./saved-search-table";

/** Deletes one of the caller's searches; alerts it already gave stay told. Anyone else's is not found. */
export async function deleteSavedSearch(db: ProducerTx, memberId: string, id: string): Promise<void> {
  const deleted = await db
    .delete(savedSearches)
    .where(and(eq(savedSearches.id, id), eq(savedSearches.memberId, memberId)))
    .returning({ id: savedSearches.id });
  if (deleted.length === 0) throw notFound("The saved search");
}
