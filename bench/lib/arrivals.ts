import pg from "pg";

const CHANNEL = "bench_arrival";

/** A row to watch for: inserts into `table` are reported as `<label>:<key column>` (and the `extra` column's value). */
export interface Watched {
  table: string;
  label: string;
  key: string;
  extra?: string;
}

export interface Arrival {
  /** performance.now() in this process when the commit's notification arrived. */
  at: number;
  count: number;
  extra?: string;
}

/**
 * When rows arrive, by LISTEN on an AFTER INSERT trigger the bench adds to the portals' (throwaway) databases: the
 * notification is sent on commit, so an arrival is the commit plus its delivery over loopback (well under 1 ms; the
 * resolution is this process's event loop). Every insert is counted, so a row written twice shows as a duplicate.
 * Events can arrive before the bench asks for them (a webhook can beat the answer to the call that caused it).
 */
export class Arrivals {
  private readonly seen = new Map<string, Arrival>();
  private readonly waiting = new Map<string, (arrival: Arrival) => void>();
  private readonly clients: pg.Client[] = [];

  /** Installs the triggers and listens; one connection per database. */
  async watch(databaseUrl: string, tables: readonly Watched[]): Promise<void> {
    const client = new pg.Client({ connectionString: databaseUrl, application_name: "bench-arrivals" });
    await client.connect();
    this.clients.push(client);
    await client.query(`create or replace function bench_arrival() returns trigger language plpgsql as $$
      begin
        perform pg_notify('${CHANNEL}', tg_argv[0] || ':' || (to_jsonb(new) ->> tg_argv[1])
          || coalesce(' ' || (to_jsonb(new) ->> tg_argv[2]), ''));
        return null;
      end $$`);
    for (const { table, label, key, extra } of tables) {
      const args = [label, key, ...(extra ? [extra] : [])].map((arg) => `'${arg}'`).join(", ");
      await client.query(`drop trigger if exists bench_arrival on ${table}`);
      await client.query(
        `create trigger bench_arrival after insert on ${table} for each row execute function bench_arrival(${args})`,
      );
    }
    client.on("notification", (message) => {
      const [key = "", extra] = (message.payload ?? "").split(" ");
      this.record(key, extra);
    });
    await client.query(`listen ${CHANNEL}`);
  }

  /** Records an arrival seen another way (an event on a notification stream). */
  record(key: string, extra?: string): void {
    const at = performance.now();
    const held = this.seen.get(key);
    if (held) {
      held.count++;
      return;
    }
    const arrival = { at, count: 1, extra };
    this.seen.set(key, arrival);
    this.waiting.get(key)?.(arrival);
    this.waiting.delete(key);
  }

  /** The arrival of `key`, or an error naming it once `timeoutMs` passed without it. */
  wait(key: string, timeoutMs: number): Promise<Arrival> {
    const held = this.seen.get(key);
    if (held) return Promise.resolve(held);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(key);
        reject(new Error(`${key} did not arrive within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(key, (arrival) => {
        clearTimeout(timer);
        resolve(arrival);
      });
    });
  }

  has(key: string): boolean {
    return this.seen.has(key);
  }

  /** When `key` arrived, in milliseconds since the epoch (fractional), to compare with the databases' timestamps. */
  wallClock(key: string): number | undefined {
    const at = this.seen.get(key)?.at;
    return at === undefined ? undefined : performance.timeOrigin + at;
  }

  /** Keys that arrived more than once. */
  duplicates(prefix: string): string[] {
    return [...this.seen].filter(([key, a]) => key.startsWith(prefix) && a.count > 1).map(([key]) => key);
  }

  async close(): Promise<void> {
    await Promise.all(this.clients.map((client) => client.end().catch(() => {})));
  }
}
