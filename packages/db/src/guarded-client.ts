import pg from "pg";

type Callback = (error: Error | null, result?: unknown) => void;

/**
 * The pool's client class. It gives up its connection, and hands itself back to the pool, when the connection
 * breaks or a query gets no answer within `query_timeout` — whoever holds it at that moment.
 *
 * Why: pg only stops *waiting* for an unanswered query; the connection stays busy with it, so the next user of the
 * client would queue behind it (and, inside a transaction, could run in a transaction nobody will commit). And
 * drizzle's transaction() never releases a client whose `begin` failed: against a frozen server every such request
 * would keep one pooled connection for good, until the pool is exhausted and only a restart helps. A connection lost
 * while checked out (mid-transaction) would also be an 'error' event with no listener, which ends the process.
 */
export class GuardedClient extends pg.Client {
  /** Set by the pool each time it lends the client out. */
  declare release?: (error?: Error | boolean) => void;

  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // The error also reaches every query of the client, so whoever holds it hears of it there.
    this.on("error", (error) => this.abandon(error));
  }

  // biome-ignore lint/suspicious/noExplicitAny: pg's query() has a dozen overloads; this one passes them all on
  override query(config: any, values?: any, callback?: any): any {
    if (typeof values === "function") [values, callback] = [undefined, values];
    // A Submittable (cursor, stream) manages its own callbacks; none is used by the portals.
    if (typeof config?.submit === "function") return super.query(config, values, callback);
    if (typeof callback === "function") return super.query(config, values, this.watch(callback));
    return new Promise((resolve, reject) => {
      super.query(
        config,
        values,
        this.watch((error, result) => (error ? reject(error) : resolve(result))),
      );
    });
  }

  private watch(callback: Callback): Callback {
    return (error, result) => {
      if (error?.message === "Query read timeout") this.abandon(error);
      callback(error, result);
    };
  }

  private abandon(error: Error): void {
    this.end().catch(() => {});
    const release = this.release;
    // Whoever holds the client releases it too (drizzle does, pool.query does); that must not throw.
    this.release = () => {};
    try {
      release?.call(this, error);
    } catch {
      // It was not lent out: the pool already has it and drops it as ended.
    }
  }
}
