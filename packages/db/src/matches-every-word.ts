import { and, type SQL, sql } from "drizzle-orm";

/**
 * A search condition: `text` contains every word of `query`, ignoring case. Words are matched literally — `%`, `_`
 * and `\` in what a person typed are escaped, so "100%" finds "100%" and not everything that starts with "100".
 */
export function matchesEveryWord(text: SQL, query: string): SQL | undefined {
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 10);
  return and(...words.map((word) => sql`${text} ilike ${`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`));
}
