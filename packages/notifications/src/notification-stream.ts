import type { Database } from "@lotbridge/db/database";
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { HubEvent, NotificationHub } from "./create-notification-hub";
import { notificationsSince } from "./notifications-since";
import { notification, type UserNotification } from "./tables";
import { unreadCount } from "./unread-count";

export interface NotificationStreamOptions {
  hub: NotificationHub;
  db: Database;
  /** The signed-in person's membership: the stream carries its notifications and no other's. */
  memberId: string;
  /** The browser's Last-Event-ID header: the last notification it received before reconnecting. */
  lastEventId?: string | null;
  heartbeatMs?: number;
  /** The request's signal: the stream ends when the browser goes away. */
  signal: AbortSignal;
}

/** The `data:` of each `event: notification`. */
export interface NotificationEventData {
  notification: UserNotification;
  unreadCount: number;
}

const CATCH_UP_PAGE = 100;
// Ids sent (or found on the page) recently, to skip a notification that arrives both by catch-up and live; older
// ones cannot come twice.
const REMEMBERED_IDS = 1000;

/**
 * The membership's notifications as Server-Sent Events, for a `text/event-stream` response: first those after
 * `lastEventId` (what the browser missed while reconnecting), then each new one as it is committed. Each event's `id:`
 * is the notification id, so EventSource sends it back as Last-Event-ID on its next connection; catch-up follows
 * (created_at, id) order. Comment lines keep proxies from closing an idle connection.
 */
export function notificationStream(options: NotificationStreamOptions): ReadableStream<Uint8Array> {
  const { hub, db, memberId, signal } = options;
  const heartbeatMs = options.heartbeatMs ?? 25_000;
  const encoder = new TextEncoder();
  let finish = () => {};

  return new ReadableStream<Uint8Array>({
    start(controller) {
      let finished = false;
      let lastId = options.lastEventId || undefined;
      let anchored = false;
      const sent = new Set<string>();
      let queue = Promise.resolve();

      const remember = (id: string) => {
        sent.add(id);
        if (sent.size > REMEMBERED_IDS) sent.delete(sent.values().next().value!);
      };

      const write = (text: string) => {
        if (!finished) controller.enqueue(encoder.encode(text));
      };

      const send = async (row: UserNotification) => {
        if (sent.has(row.id)) return;
        const data: NotificationEventData = { notification: row, unreadCount: await unreadCount(db, memberId) };
        write(`id: ${row.id}\nevent: notification\ndata: ${JSON.stringify(data)}\n\n`);
        remember(row.id);
        lastId = row.id;
      };

      const catchUp = async () => {
        if (!anchored) {
          anchored = true;
          // What the browser already has: up to its Last-Event-ID, or, without a usable one, everything (the page
          // was just rendered with the current list). A live signal for one of these, committed just before the
          // stream subscribed, is then not sent a second time.
          let known = lastId ? await newestIds(db, memberId, lastId) : [];
          const resuming = known.length > 0;
          if (!resuming) known = await newestIds(db, memberId, null);
          for (const id of known) remember(id);
          lastId = resuming ? lastId : known[0];
          if (!resuming) return;
        }
        for (;;) {
          const missed = await notificationsSince(db, memberId, lastId ?? null, CATCH_UP_PAGE);
          for (const row of missed) {
            await send(row);
            lastId = row.id;
          }
          if (missed.length < CATCH_UP_PAGE || finished) return;
        }
      };

      const deliver = async (id: string) => {
        const [row] = await db
          .select()
          .from(notification)
          .where(and(eq(notification.id, id), eq(notification.memberId, memberId)));
        if (row) await send(row);
      };

      // One task at a time, in arrival order, so events go out in the order they were committed.
      const run = (task: () => Promise<void>) => {
        queue = queue
          .then(() => (finished ? undefined : task()))
          .catch((error: unknown) => {
            // The browser reconnects with Last-Event-ID and catches up; a half-working stream would hide the gap.
            end();
            controller.error(error);
          });
      };

      const onEvent = (event: HubEvent) => run(() => (event.type === "notification" ? deliver(event.id) : catchUp()));
      // Subscribed before catching up, so a notification committed in between is not lost (and sent once).
      const unsubscribe = hub.subscribe(memberId, onEvent);
      const heartbeat = setInterval(() => write(": heartbeat\n\n"), heartbeatMs);

      const end = () => {
        if (finished) return;
        finished = true;
        unsubscribe();
        clearInterval(heartbeat);
        signal.removeEventListener("abort", close);
      };
      const close = () => {
        if (finished) return;
        end();
        controller.close();
      };
      finish = end;

      write(": connected\n\n");
      if (signal.aborted) close();
      else signal.addEventListener("abort", close, { once: true });
      run(catchUp);
    },
    cancel() {
      finish();
    },
  });
}

/** The ids of the membership's newest notifications, up to and including `upTo` when given (none if not its own). */
async function newestIds(db: Database, memberId: string, upTo: string | null): Promise<string[]> {
  const conditions: SQL[] = [eq(notification.memberId, memberId)];
  if (upTo !== null) {
    conditions.push(
      sql`(${notification.createdAt}, ${notification.id}) <= (select c.created_at, c.id from ${notification} c where c.id = ${upTo} and c.member_id = ${memberId})`,
    );
  }
  const rows = await db
    .select({ id: notification.id })
    .from(notification)
    .where(and(...conditions))
    .orderBy(desc(notification.createdAt), desc(notification.id))
    .limit(CATCH_UP_PAGE);
  return rows.map((row) => row.id);
}
