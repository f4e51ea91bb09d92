import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { findLeaks } from "@lotbridge/http/find-leaks";

const ROOT = join(import.meta.dirname, "..", "..");
const DIR = join(ROOT, "test-results", "portal-logs");
const SECRETS = join(DIR, "secrets.txt");

/** At the start of a run: no log of an earlier run is scanned again. */
export function clearRunLogs(): void {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
}

/** Everything a portal or launcher process of the run printed, kept for the scan at the end. */
export function keepOutput(name: string, chunk: string | Buffer): void {
  mkdirSync(DIR, { recursive: true });
  appendFileSync(join(DIR, `${name}.log`), chunk);
}

/** Values of a process's environment that must never appear in a log: keys, signing secrets, passwords. */
export function keepSecretsOf(env: Record<string, string | undefined>): void {
  const values = Object.entries(env)
    .filter(([name, value]) => value && /SECRET|API_KEY|PASSWORD/.test(name))
    .map(([, value]) => value as string);
  mkdirSync(DIR, { recursive: true });
  if (values.length > 0) appendFileSync(SECRETS, `${values.join("\n")}\n`);
}

/**
 * After the run: every line any portal printed, checked for the run's secrets (and the launcher's generated ones) and
 * for the shapes of secrets and query values. Throws naming file, line and what was found. (The demo password is
 * no secret: the launcher prints it for newcomers.)
 */
export function assertNoLeaks(): void {
  if (!existsSync(DIR)) return;
  const secrets = existsSync(SECRETS) ? readFileSync(SECRETS, "utf8").split("\n") : [];
  const launcherSecrets = join(ROOT, ".data", "secrets.json");
  if (existsSync(launcherSecrets))
    secrets.push(...Object.values<string>(JSON.parse(readFileSync(launcherSecrets, "utf8"))));
  const found: string[] = [];
  let lines = 0;
  for (const file of readdirSync(DIR).filter((name) => name.endsWith(".log"))) {
    const log = readFileSync(join(DIR, file), "utf8");
    lines += log.split("\n").length;
    for (const leak of findLeaks(log, secrets)) found.push(`${file}:${leak.line}: ${leak.what}`);
  }
  if (found.length > 0) throw new Error(`The portals' logs hold what they never may:\n${found.join("\n")}`);
  process.stdout.write(`Portal logs of the run scanned: ${lines} lines, no secret and no query values.\n`);
}
