import { randomUUID } from "node:crypto";
import { DomainError } from "@lotbridge/contract/problem";
import { unfitCharacter } from "@lotbridge/contract/text";
import { findDatabaseOutage } from "@lotbridge/db/find-database-outage";
import { describeError, type Logger } from "./logger";
import { problemResponse } from "./problem-response";
import { refuseCrossOriginRequest } from "./refuse-cross-origin-request";

export interface RouteContext<P> {
  params: Promise<P>;
}

export type RouteHandler<P> = (request: Request, context: RouteContext<P>, log: Logger) => Promise<Response>;

/** What Next.js calls: a handler already wrapped by `route`. */
export type WrappedRoute<P> = (request: Request, context: RouteContext<P>) => Promise<Response>;

/**
 * No resource has a control character or half a surrogate pair in its id, and such an id must not reach a query
 * (PostgreSQL refuses NUL): the path names nothing, whatever the route, so 404 naming the segment.
 */
async function refuseUnfitPathSegments(context: RouteContext<unknown> | undefined) {
  const params = ((await context?.params) ?? {}) as Record<string, string | string[] | undefined>;
  for (const [name, value] of Object.entries(params)) {
    for (const segment of [value ?? []].flat()) {
      const unfit = unfitCharacter(segment);
      if (unfit) {
        throw new DomainError("not-found", 404, `Nothing here has that ${name}: it ${unfit}.`, [
          { field: name, message: unfit },
        ]);
      }
    }
  }
}

/** Seconds a client is asked to wait before trying again while the database is unavailable. */
const RETRY_AFTER_SECONDS = 10;

export interface RouteOptions {
  /** The portal's own origin (from PUBLIC_URL), read when a request arrives: the only origin allowed to change state. */
  ownOrigin: () => string;
}

/**
 * Wraps a route handler: gives it a request id and a logger bound to it, refuses a cookie-authenticated
 * state-changing request from any other origin (403 `cross-origin-request`, before the handler runs), maps
 * DomainErrors to problem+json, answers 503 `database-unavailable` (with Retry-After) while the database cannot be
 * reached, and turns anything else unexpected into a 500 that reveals nothing but the request id to look up in the logs.
 */
export function createRoute(logger: Logger, { ownOrigin }: RouteOptions) {
  return function route<P = Record<string, string>>(handler: RouteHandler<P>) {
    return async (request: Request, context: RouteContext<P>): ReturnType<WrappedRoute<P>> => {
      const requestId = request.headers.get("x-request-id")?.slice(0, 64) || randomUUID();
      const log = logger.child({ requestId });
      const started = performance.now();
      let response: Response;
      try {
        refuseCrossOriginRequest(request, ownOrigin);
        await refuseUnfitPathSegments(context);
        response = await handler(request, context, log);
      } catch (error) {
        const outage = error instanceof DomainError ? undefined : findDatabaseOutage(error);
        if (error instanceof DomainError) {
          response = problemResponse(error.status, error.code, error.message, { errors: error.errors, requestId });
        } else if (outage) {
          // The driver's own error, not a wrapper that quotes the query and its parameters.
          log.warn({ error: describeError(outage) }, "database unavailable");
          response = problemResponse(
            503,
            "database-unavailable",
            `The portal cannot reach its database right now. Try again in a moment; if this goes on, tell the portal's operator and quote request id ${requestId}.`,
            { requestId, headers: { "retry-after": String(RETRY_AFTER_SECONDS) } },
          );
        } else {
          log.error({ error: describeError(error) }, "unhandled error");
          response = problemResponse(
            500,
            "internal",
            `Something went wrong on our side; quote request id ${requestId}.`,
            {
              requestId,
            },
          );
        }
      }
      response.headers.set("x-request-id", requestId);
      const path = new URL(request.url).pathname;
      log.info(
        { method: request.method, path, status: response.status, ms: Math.round(performance.now() - started) },
        "request",
      );
      return response;
    };
  };
}
