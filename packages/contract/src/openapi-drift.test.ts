import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const apiRoot = fileURLToPath(new URL("../../../apps/buyer-portal/src/app/api", import.meta.url));
const committed = JSON.parse(
  readFileSync(fileURLToPath(new URL("../../../docs/openapi.json", import.meta.url)), "utf8"),
) as { paths: Record<string, Record<string, unknown>> };

/**
 * Routes only the buyer portal's own pages call, with a person's session: no other system may call them, so the
 * published contract leaves them out. Anything another system can call (a key, a platform, a buyer's ERP, an
 * operator's script) must be in docs/openapi.json instead of here. Keep this list short.
 */
const sessionOnly = new Set([
  // better-auth's sign-in, sign-out and session endpoints: the browser's, not an API.
  "GET /api/auth/{all}",
  "POST /api/auth/{all}",
  // The signed-in person's own account, team and notification centre, as the pages show them.
  "POST /api/account/password",
  "GET /api/me",
  "GET /api/team",
  "POST /api/team",
  "DELETE /api/team/{userId}",
  "POST /api/team/{userId}/password",
  "GET /api/notifications",
  "POST /api/notifications/read",
  "GET /api/notifications/preferences",
  "PUT /api/notifications/preferences",
  "GET /api/notifications/stream",
  "POST /api/notifications/test",
]);

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return entry.name === "route.ts" ? [path] : [];
  });
}

/** `lots/[id]/publish/route.ts` → `/api/lots/{id}/publish`; a catch-all `[...all]` → `{all}`. */
function urlPath(file: string): string {
  const folders = relative(apiRoot, file).split(sep).slice(0, -1);
  const segments = folders
    .filter((folder) => !/^\(.*\)$/.test(folder))
    .map((folder) => folder.replace(/^\[(?:\.\.\.)?(.+)\]$/, "{$1}"));
  return `/api/${segments.join("/")}`;
}

/**
 * The HTTP methods a route file exports: `export const GET`, `export async function POST`, `export { PUT }` or
 * `export const { resetPassword: POST } = …`.
 */
function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(/export\s+(?:const|async\s+function|function)\s+([A-Z]+)\b/g))
    found.add(match[1]);
  for (const match of source.matchAll(/export\s+(?:const\s+)?\{([^}]*)\}/g)) {
    for (const name of match[1].split(","))
      found.add(
        name
          .trim()
          .split(/\s+as\s+|\s*:\s*/)
          .pop() ?? "",
      );
  }
  return METHODS.filter((method) => found.has(method));
}

const routes = routeFiles(apiRoot).flatMap((file) =>
  exportedMethods(readFileSync(file, "utf8")).map((method) => `${method} ${urlPath(file)}`),
);

describe("docs/openapi.json against the buyer portal's route files", () => {
  it("finds the route files (the walk itself works)", () => {
    expect(routes).toContain("POST /api/bids");
    expect(routes).toContain("POST /api/bids/{id}/counter-offers/{offerId}/accept");
    expect(routes).toContain("GET /api/auth/{all}");
    expect(routes.length).toBeGreaterThan(40);
  });

  it("documents every route another system can call", () => {
    const missing = routes.filter((route) => {
      if (sessionOnly.has(route)) return false;
      const [method, path] = route.split(" ");
      return committed.paths[path]?.[method.toLowerCase()] === undefined;
    });
    expect(missing, "add these to packages/contract/src/openapi-paths*.ts, then `npm run openapi`").toEqual([]);
  });

  it("documents nothing the portal does not serve", () => {
    const served = new Set(routes);
    const documented = Object.entries(committed.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((key) => METHODS.includes(key.toUpperCase() as (typeof METHODS)[number]))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.filter((route) => !served.has(route))).toEqual([]);
  });

  it("keeps the session-only list honest: each entry is a route that exists and is not documented", () => {
    for (const route of sessionOnly) {
      expect(routes, route).toContain(route);
      const [method, path] = route.split(" ");
      expect(committed.paths[path]?.[method.toLowerCase()], route).toBeUndefined();
    }
  });
});
