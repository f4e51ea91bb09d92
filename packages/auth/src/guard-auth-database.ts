import { AsyncLocalStorage } from "node:async_hooks";
import { concealQueryParameters } from "@lotbridge/db/conceal-query-parameters";
import { findDatabaseOutage } from "@lotbridge/db/find-database-outage";
import type { BetterAuthOptions, DBAdapter } from "better-auth";

type AdapterFactory = (options: BetterAuthOptions) => DBAdapter<BetterAuthOptions>;

/**
 * Stands between better-auth and its database, because better-auth decides by itself what a failed query becomes:
 * it logs it, prints it with its stack (better-call's "# SERVER_ERROR"), wraps it in a 500 of its own ("Failed to get
 * session"), or swallows it (sign-out answers 200 and clears the cookie while the session stays valid; a session it
 * cannot read counts as none, a 401). So every failure leaves the adapter without the query's values (the session
 * token, the password hash), and `answer` throws a database outage that happened during a request, whatever
 * better-auth answered, for the route wrapper to turn into a 503.
 */
export function guardAuthDatabase(factory: AdapterFactory) {
  const requests = new AsyncLocalStorage<{ outage?: Error }>();

  const onFailure = (error: unknown) => {
    const concealed = concealQueryParameters(error);
    const outage = findDatabaseOutage(concealed);
    const request = requests.getStore();
    if (outage && request) request.outage ??= outage;
    return concealed;
  };

  return {
    database: (options: BetterAuthOptions) => guard(factory(options), onFailure),

    /** Lets better-auth answer `request`; throws the database outage it met instead, if any. */
    async answer(handle: (request: Request) => Promise<Response>, request: Request): Promise<Response> {
      const watched: { outage?: Error } = {};
      const response = await requests.run(watched, () => handle(request));
      if (watched.outage) throw watched.outage;
      return response;
    },
  };
}

/** The adapter with each of its (asynchronous) methods passing a failure through `onFailure`. */
function guard<A extends object>(adapter: A, onFailure: (error: unknown) => unknown): A {
  const guarded = { ...adapter } as Record<string, unknown>;
  for (const [name, method] of Object.entries(adapter)) {
    if (typeof method !== "function") continue;
    guarded[name] = async (...args: unknown[]) => {
      // A transaction hands its callback an adapter of its own, which must be guarded as well.
      const [callback] = args as [(transaction: object) => unknown];
      const given = name === "transaction" ? [(transaction: object) => callback(guard(transaction, onFailure))] : args;
      try {
        return await method.apply(adapter, given);
      } catch (error) {
        throw onFailure(error);
      }
    };
  }
  return guarded as A;
}
