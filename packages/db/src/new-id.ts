import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/** A prefixed random id (`lot_5k2q…`): the prefix tells a reader what the id names; 120 random bits. */
export function newId(prefix: string): string {
  const bytes = randomBytes(24);
  let out = "";
  for (const byte of bytes) out += ALPHABET[byte & 31];
  return `${prefix}_${out}`;
}
