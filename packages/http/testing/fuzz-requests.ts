import fc from "fast-check";
import type { FuzzRequest } from "./fuzz-routes";
import { HTTP_METHODS, routeFiles } from "./fuzz-routes";
import { genericBody, hostileString, wireBody } from "./hostile-input";
import type { Handler } from "./test-client";

const encode = (value: string) => {
  try {
    return encodeURIComponent(value);
  } catch {
    return "%ED%A0%80"; // a lone surrogate has no UTF-8: what a careless client sends for one
  }
};

/** Path segments for `route` (/api/bids/[id]): mostly ids from `pool` (real, foreign, unknown), else hostile text. */
export function pathOf(
  route: string,
  pool: (name: string) => string[],
): fc.Arbitrary<{ path: string; params: Record<string, string> }> {
  const names = [...route.matchAll(/\[([^\]]+)\]/g)].map((match) => match[1]);
  const value = (name: string) =>
    fc.oneof({ arbitrary: fc.constantFrom(...pool(name)), weight: 3 }, { arbitrary: hostileString, weight: 1 });
  return fc.tuple(...names.map(value)).map((values) => {
    const params = Object.fromEntries(names.map((name, i) => [name, values[i]]));
    const path = route.replace(/\[([^\]]+)\]/g, (_, name: string) => encode(params[name]));
    return { path, params };
  });
}

/** A query string where each parameter is missing, valid or hostile. */
export function queryOf(parameters: [string, fc.Arbitrary<unknown>][]): fc.Arbitrary<string> {
  const value = (valid: fc.Arbitrary<unknown>) =>
    fc.option(fc.oneof({ arbitrary: valid, weight: 2 }, { arbitrary: hostileString, weight: 1 }), { nil: undefined });
  return fc.tuple(...parameters.map(([, valid]) => value(valid))).map((values) => {
    const pairs = parameters.flatMap(([name], i) =>
      values[i] === undefined ? [] : [`${name}=${encode(String(values[i]))}`],
    );
    return pairs.length ? `?${pairs.join("&")}` : "";
  });
}

/** Header values a client can send (Latin-1, no line breaks) that no header of ours expects. */
export const hostileHeader = fc.constantFrom("", " ", "é", "x".repeat(300), "porg_other", "lb_live_0000");

/** Query parameters the portals' own list routes read. */
const SESSION_QUERY: [string, fc.Arbitrary<unknown>][] = [
  ["status", fc.constantFrom("draft", "published", "pending", "dead", "submitted", "accepted")],
  ["cursor", fc.string({ maxLength: 12 })],
  ["limit", fc.integer({ min: -1, max: 200 })],
  ["q", fc.string({ maxLength: 12 })],
  ["before", fc.date({ noInvalidDate: true }).map((date) => date.toISOString())],
  ["type", fc.constantFrom("bid.received", "lot.closed")],
  ["sort", fc.constantFrom("deadline", "newest", "price")],
];

/** Requests to a session route: signed in (mostly) as `cookie`, with generic hostile bodies and list queries. */
export function sessionRequests(
  method: string,
  route: string,
  cookie: string,
  pool: (name: string) => string[],
): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      at: pathOf(route, pool),
      query: queryOf(SESSION_QUERY),
      headers: fc.oneof({ arbitrary: fc.constant({ cookie }), weight: 9 }, { arbitrary: fc.constant({}), weight: 1 }),
      body: method === "GET" ? fc.constant(undefined) : wireBody(genericBody),
    })
    .map(({ at, query, headers, body }) => ({ method, path: at.path, params: at.params, query, headers, body }));
}

/** Every handler under `appDir`/api that is not in `covered` (METHOD /api/path/[id]) or under a `skipped` path. */
export async function apiHandlers(
  appDir: string,
  { covered = [], skipped = [] }: { covered?: string[]; skipped?: string[] },
): Promise<{ method: string; route: string; handler: Handler }[]> {
  const routes = routeFiles(appDir).filter(({ path }) => path.startsWith("/api/") && !skipped.includes(path));
  const modules = await Promise.all(
    routes.map(async ({ path, file }) => ({ route: path, module: (await import(file)) as Record<string, Handler> })),
  );
  return modules.flatMap(({ route, module }) =>
    HTTP_METHODS.filter((method) => module[method] && !covered.includes(`${method} ${route}`)).map((method) => ({
      method,
      route,
      handler: module[method],
    })),
  );
}
