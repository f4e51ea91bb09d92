/** What a log must never hold, whoever wrote it: shapes of secrets, and a failed query's values. */
const LEAK_SHAPES: [RegExp, string][] = [
  [/\bparams: /, "a failed query's values (drizzle's params:)"],
  [/session_token=[^;\s"]{16,}/, "a session cookie"],
  [/\blbk_[A-Za-z0-9_-]{24,}/, "a whole API key"],
  [/\bwhsec_[A-Za-z0-9+/=]{20,}/, "a webhook signing secret"],
  [/"password"\s*:\s*"/, "a password field"],
];

export interface Leak {
  line: number;
  what: string;
}

/**
 * Every line of `log` that holds one of `secrets` (values a test run knows: keys, signing secrets, passwords, tokens;
 * a whsec_ secret also without its prefix) or has the shape of one.
 */
export function findLeaks(log: string, secrets: string[]): Leak[] {
  const known = secrets.flatMap((secret) => [secret, secret.replace(/^whsec_/, "")]).filter((s) => s.length >= 8);
  const leaks: Leak[] = [];
  log.split("\n").forEach((text, index) => {
    const secret = known.find((value) => text.includes(value));
    if (secret) leaks.push({ line: index + 1, what: `a secret of the run (${secret.slice(0, 4)}…)` });
    for (const [shape, what] of LEAK_SHAPES) if (shape.test(text)) leaks.push({ line: index + 1, what });
  });
  return leaks;
}
