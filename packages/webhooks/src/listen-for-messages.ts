import pg from "pg";
import { OUTBOX_CHANNEL } from "./outbox-channel";

export interface OutboxListener {
  /** Resolves once the first connection attempt has either started listening or failed. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export interface ListenOptions {
  databaseUrl: string;
  /** Called on every notification, and after each (re)connection since notifications may have been missed. */
  onWake: () => void;
  onError: (error: Error) => void;
  reconnectMs?: number;
}

/**
 * Keeps one dedicated connection listening on the outbox channel. LISTEN lives on a session, so it cannot borrow a
 * pooled connection; when the connection drops (database restart, idle kill) a new one replaces it.
 */
export function listenForMessages(options: ListenOptions): OutboxListener {
  const reconnectMs = options.reconnectMs ?? 1000;
  let current: pg.Client | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let closed = false;

  const connect = async (): Promise<void> => {
    const client = new pg.Client({
      connectionString: options.databaseUrl,
      application_name: "lotbridge-outbox-listener",
    });
    let dropped = false;
    const drop = (error?: Error) => {
      if (dropped) return;
      dropped = true;
      if (error && !closed) options.onError(error);
      if (current === client) current = undefined;
      client.end().catch(() => {});
      if (!closed) retryTimer = setTimeout(() => void connect(), reconnectMs);
    };
    client.on("error", drop);
    client.on("end", () => drop(closed ? undefined : new Error("The outbox listener's connection closed.")));
    client.on("notification", () => options.onWake());
    try {
      await client.connect();
      await client.query(`listen ${OUTBOX_CHANNEL}`);
    } catch (error) {
      drop(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (closed) {
      dropped = true;
      await client.end().catch(() => {});
      return;
    }
    current = client;
    options.onWake();
  };

  return {
    ready: connect(),
    close: async () => {
      closed = true;
      clearTimeout(retryTimer);
      const client = current;
      current = undefined;
      await client?.end().catch(() => {});
    },
  };
}
