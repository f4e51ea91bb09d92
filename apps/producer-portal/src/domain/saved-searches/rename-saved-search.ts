import { notFound } from "@lotbridge/contract/problem";
import { and, eq } from "drizzle-orm";
import type { ProducerTx } from "../../db/database";
import { nameTaken } from "./save-search";
import { type SavedSearch, savedSearchColumns, savedSearches } from "./saved-search-table";

/** Gives one of the caller's searches another name; anyone else's is not found. */
export async function renameSavedSearch(
  db: ProducerTx,
  memberId: string,
  id: string,
  name: string,
): Promise<SavedSearch> {
  try {
    const [renamed] = await db
      .update(savedSearches)
      .set({ name })
      .where(and(eq(savedSearches.id, id), eq(savedSearches.memberId, memberId)))
      .returning(savedSearchColumns);
    if (!renamed) throw notFound("The saved search");
    return renamed;
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code === "23505") throw nameTaken(name);
    throw error;
  }
}
