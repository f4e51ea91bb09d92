/**
 * The `ilike` patterns of what a person typed in a word filter, as the marketplace reads it (matchesEveryWord in
 * @lotbridge/db): at most the first ten words, each matched literally anywhere in the text, any case — `%`, `_` and
 * `\` are escaped. A lot matches when its text is `ilike all` of them; no words, no condition.
 */
export function wordPatterns(text: string | null | undefined): string[] {
  if (!text) return [];
  const words = text.trim().split(/\s+/).filter(Boolean).slice(0, 10);
  return words.map((word) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}
