import { z } from "zod";

export type Page<T> = { data: T[]; nextCursor: string | null };

/** One page of a cursor-paginated list; `nextCursor` says how to ask for the next one. */
export function pageSchema<T extends z.ZodType>(
  item: T,
  meta: { id: string; description: string; nextCursor: string },
) {
  return z
    .object({
      data: z.array(item),
      nextCursor: z.string().nullable().describe(meta.nextCursor),
    })
    .meta({ id: meta.id, description: meta.description });
}
