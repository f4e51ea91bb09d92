import { createHash, randomBytes } from "node:crypto";

/** A new key: `lbk_` and 192 random bits. Shown once; only its hash is kept. */
export function generateApiKey(): string {
  return `lbk_${randomBytes(24).toString("base64url")}`;
}

/** SHA-256 is enough for a high-entropy key (no dictionary to guess from) and lets us look the key up by its hash. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function apiKeyPrefix(key: string): string {
  return key.slice(0, 12);
}
