import nextEnv from "@next/env";

/**
 * Reads a portal's `.env` files the way `next start` (and `next dev`) does, so that `npm run migrate` and
 * `npm run worker` see the configuration the web server sees: `.env.production.local`, `.env.local`,
 * `.env.production`, `.env` with NODE_ENV=production (`.env.development*` otherwise), in `dir`. Variables already
 * in the environment win over every file. Returns the files read, for the start-up log.
 */
export function loadEnvFiles(dir = process.cwd()): string[] {
  const development = process.env.NODE_ENV !== "production";
  const quiet = { info: () => {}, error: (...message: unknown[]) => console.error(...message) };
  return nextEnv.loadEnvConfig(dir, development, quiet).loadedEnvFiles.map((file) => file.path);
}
