import { DomainError } from "@lotbridge/contract/problem";
import { newId } from "@lotbridge/db/new-id";
import type { ProducerTx } from "../../db/database";
import type { SavedSearchInput } from "./saved-search-input";
import { type SavedSearch, savedSearchColumns, savedSearches } from "./saved-search-table";
import { wordPatterns } from "./word-patterns";

/** Whose search: the caller's membership, and its organization. */
export interface SearchOwner {
  memberId: string;
  organizationId: string;
}

export const nameTaken = (name: string) =>
  new DomainError("name-taken", 409, `name: you already have a saved search called "${name}"; choose another name.`, [
    { field: "name", message: "you already have a saved search with this name" },
  ]);

/** Keeps the marketplace's current filters under a name, for the caller alone. */
export async function saveSearch(db: ProducerTx, owner: SearchOwner, input: SavedSearchInput): Promise<SavedSearch> {
  const [saved] = await db
    .insert(savedSearches)
    .values({
      id: newId("srch"),
      memberId: owner.memberId,
      organizationId: owner.organizationId,
      name: input.name,
      q: input.q ?? null,
      commodity: input.commodity ?? null,
      location: input.location ?? null,
      deliveryFrom: input.deliveryFrom ?? null,
      deliveryTo: input.deliveryTo ?? null,
      minVolume: input.minVolume ?? null,
      maxVolume: input.maxVolume ?? null,
      qPatterns: wordPatterns(input.q),
      locationPatterns: wordPatterns(input.location),
    })
    .onConflictDoNothing()
    .returning(savedSearchColumns);
  if (!saved) throw nameTaken(input.name);
  return saved;
}
