import { DrizzleQueryError } from "drizzle-orm/errors";

/** A query that failed, named by its SQL (placeholders, no values); the driver's error, which says why, is its cause. */
export class QueryFailed extends Error {
  override name = "QueryFailed";

  constructor(
    readonly query: string,
    cause: unknown,
  ) {
    super(`Failed query: ${query}`, { cause });
  }
}

/**
 * drizzle wraps every failed query in a DrizzleQueryError whose message and `params` quote the query's values: a
 * session token, a password or API key hash, a webhook secret. Whatever prints such an error (a logger, Next.js
 * logging a page that failed, better-auth) prints those too. This returns the same failure without them — a
 * QueryFailed with the same stack frames and the driver's error as its cause, so findDatabaseOutage still finds
 * an outage in it — and any other error as it is.
 */
export function concealQueryParameters(error: unknown): unknown {
  if (!(error instanceof DrizzleQueryError)) return error;
  const concealed = new QueryFailed(error.query, error.cause);
  // The stack begins with the message, parameters included; only the frames after it are kept.
  const header = `${error.name}: ${error.message}`;
  const frames = error.stack?.startsWith(header) ? error.stack.slice(header.length) : "";
  concealed.stack = `${concealed.name}: ${concealed.message}${frames}`;
  return concealed;
}
