/**
 * Server answers and socket errors that mean "the database cannot be reached now", not "this request is wrong":
 * the server is shutting down, crashed, starting up or full (57P01–57P03, 53300), any connection exception (class
 * 08), and the network refusing, resetting or never answering.
 */
const OUTAGE_CODES = new Set([
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/** What pg and pg-pool say, without a code, when a connection breaks, cannot be made in time or stops answering. */
const OUTAGE_MESSAGES = [
  /^Connection terminated\b/,
  /^timeout exceeded when trying to connect$/,
  /^timeout expired$/,
  /^Query read timeout$/,
  // A client discarded after one of the above, used once more by whoever held it (e.g. drizzle's rollback).
  /^Client (has encountered a connection error|was closed) and is not queryable$/,
];

/**
 * The error in `error`, or in what it wraps (drizzle's DrizzleQueryError carries the driver's error as `cause`), that
 * says the database is unavailable; undefined for any other failure. A statement cancelled by statement_timeout is
 * not an outage: the server answered, and the query is what needs looking at.
 */
export function findDatabaseOutage(error: unknown): Error | undefined {
  const seen = new Set<unknown>();
  for (let current = error; current instanceof Error && !seen.has(current); current = current.cause) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && (OUTAGE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return current;
    const { message } = current;
    if (OUTAGE_MESSAGES.some((pattern) => pattern.test(message))) return current;
    // Connecting to a host name with several addresses fails with one error per address.
    if (current instanceof AggregateError) {
      const found = current.errors.map(findDatabaseOutage).find(Boolean);
      if (found) return found;
    }
  }
  return undefined;
}
