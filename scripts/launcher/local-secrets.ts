import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export interface LocalSecrets {
  buyerAuthSecret: string;
  producerAuthSecret: string;
  webhookSecret: string;
  apiKey: string;
}

/**
 * Secrets for a local run, generated on first start and kept under `.data/` (mode 600) so sessions survive a
 * restart. Variables set in the environment win. Never used in a real deployment: there each is set explicitly.
 */
export function localSecrets(file: string): LocalSecrets {
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  const secrets: LocalSecrets = {
    buyerAuthSecret: randomBytes(32).toString("base64"),
    producerAuthSecret: randomBytes(32).toString("base64"),
    webhookSecret: `whsec_${randomBytes(32).toString("base64")}`,
    apiKey: `lbk_${randomBytes(24).toString("base64url")}`,
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
