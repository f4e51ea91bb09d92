import pg from "pg";
import { NOTIFICATION_CHANNEL, type NotificationSignal } from "./notification-channel";

export type HubEvent =
  | { type: "notification"; id: string; memberId: string }
  /** The hub (re)connected: anything committed while it was not listening was missed and must be read back. */
  | { type: "reconnected"; memberId: string };

export type HubListener = (event: HubEvent) => void;

export interface NotificationHub {
  /** Resolves once the first connection attempt has either started listening or failed (it is then retried). */
  ready: Promise<void>;
  /** Calls `listener` for each notification of this membership committed by any process; returns the unsubscribe. */
  subscribe(memberId: string, listener: HubListener): () => void;
  close(): Promise<void>;
}

export interface NotificationHubOptions {
  databaseUrl: string;
  onError: (error: Error) => void;
  reconnectMs?: number;
}

/**
 * One LISTEN connection per process, shared by every open stream: a connection per browser tab would exhaust the
 * database's connections, and LISTEN lives on a session so it cannot borrow a pooled one. Any instance that commits a
 * notification reaches the subscribers of every instance. When the connection drops, a new one replaces it and
 * subscribers are told to catch up.
 */
export function createNotificationHub(options: NotificationHubOptions): NotificationHub {
  const reconnectMs = options.reconnectMs ?? 1000;
  const subscribers = new Map<string, Set<HubListener>>();
  let current: pg.Client | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let closed = false;

  const tell = (memberId: string, event: HubEvent) => {
    for (const listener of subscribers.get(memberId) ?? []) {
      try {
        listener(event);
      } catch (error) {
        options.onError(asError(error));
      }
    }
  };

  const receive = (message: pg.Notification) => {
    let signal: NotificationSignal;
    try {
      signal = JSON.parse(message.payload ?? "");
    } catch {
      options.onError(new Error("The notification hub received a payload that is not JSON."));
      return;
    }
    if (typeof signal?.id !== "string" || typeof signal.memberId !== "string") return;
    tell(signal.memberId, { type: "notification", id: signal.id, memberId: signal.memberId });
  };

  const connect = async (): Promise<void> => {
    const client = new pg.Client({
      connectionString: options.databaseUrl,
      application_name: "lotbridge-notification-hub",
      // A connection cut without a FIN (network partition) is noticed instead of listening to silence for ever.
      keepAlive: true,
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
    client.on("end", () => drop(closed ? undefined : new Error("The notification hub's connection closed.")));
    client.on("notification", receive);
    try {
      await client.connect();
      await client.query(`listen ${NOTIFICATION_CHANNEL}`);
    } catch (error) {
      drop(asError(error));
      return;
    }
    if (closed) {
      dropped = true;
      await client.end().catch(() => {});
      return;
    }
    current = client;
    for (const memberId of subscribers.keys()) tell(memberId, { type: "reconnected", memberId });
  };

  return {
    ready: connect(),
    subscribe(memberId, listener) {
      let listeners = subscribers.get(memberId);
      if (!listeners) {
        listeners = new Set();
        subscribers.set(memberId, listeners);
      }
      listeners.add(listener);
      return () => {
        const remaining = subscribers.get(memberId);
        remaining?.delete(listener);
        if (remaining?.size === 0) subscribers.delete(memberId);
      };
    },
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      subscribers.clear();
      const client = current;
      current = undefined;
      await client?.end().catch(() => {});
    },
  };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
