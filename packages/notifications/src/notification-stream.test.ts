import { createPool } from "@lotbridge/db/create-pool";
import type { Database } from "@lotbridge/db/database";
import { openTestDatabase, type OpenTestDatabase as TestDatabase } from "@lotbridge/db/testing/open-test-database";
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createNotificationHub, type NotificationHub } from "./create-notification-hub";
import { markRead } from "./mark-read";
import { type NotificationEventData, notificationStream } from "./notification-stream";
import { type NotificationRecipient, notify } from "./notify";

let database: TestDatabase;
let hub: NotificationHub;
let otherPool: pg.Pool;
let otherProcess: Database;
let subscriptions = 0;
// The hub as the stream sees it, counting open subscriptions so a test can see them released.
let countingHub: NotificationHub;

beforeAll(async () => {
  database = await openTestDatabase("notifications");
  otherPool = createPool(database.databaseUrl, () => {});
  otherProcess = drizzle(otherPool);
  hub = createNotificationHub({ databaseUrl: database.databaseUrl, onError: () => {} });
  await hub.ready;
  countingHub = {
    ...hub,
    subscribe(memberId, listener) {
      subscriptions += 1;
      const unsubscribe = hub.subscribe(memberId, listener);
      return () => {
        subscriptions -= 1;
        unsubscribe();
      };
    },
  };
});
afterAll(async () => {
  await hub.close();
  await otherPool.end();
  await database.close();
});

// One person's membership of the mill: "mem_ana" belongs to "mem_ana".
const recipient = (memberId: string): NotificationRecipient => ({
  userId: memberId.replace("mem_", "usr_"),
  memberId,
  organizationId: "org_mill",
  email: `${memberId.replace("mem_", "")}@mill.test`,
  name: memberId,
});

async function create(memberId: string, title: string): Promise<string> {
  const [created] = await otherProcess.transaction((tx) =>
    notify(tx, { type: "bid.received", recipients: [recipient(memberId)], title, body: "", emailByDefault: false }),
  );
  return created.id;
}

/**
 * A database for one stream that tells when its first query has returned. Without Last-Event-ID the stream's first
 * read takes what is already there as "on the page"; only a notification committed after that read is news.
 */
function watchedDatabase() {
  const pool = createPool(database.databaseUrl, () => {});
  const firstReadDone = new Promise<void>((resolve) => pool.once("release", () => resolve()));
  return { db: drizzle(pool), firstReadDone, close: () => pool.end() };
}

/** The notification hubs' LISTEN connections to this test's database. */
async function hubConnections(): Promise<number> {
  const { rows } = await otherPool.query<{ count: number }>(
    "select count(*)::int as count from pg_stat_activity where application_name = 'lotbridge-notification-hub' and datname = current_database()",
  );
  return rows[0].count;
}

interface ServerSentEvent {
  id?: string;
  event?: string;
  data?: NotificationEventData;
  comment?: string;
}

/** Reads a stream of Server-Sent Events the way EventSource splits it: blocks separated by a blank line. */
function sseReader(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const received: ServerSentEvent[] = [];

  async function readBlock(): Promise<ServerSentEvent | undefined> {
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event: ServerSentEvent = {};
        for (const line of block.split("\n")) {
          if (line.startsWith(":")) event.comment = line.slice(1).trim();
          else if (line.startsWith("id: ")) event.id = line.slice(4);
          else if (line.startsWith("event: ")) event.event = line.slice(7);
          else if (line.startsWith("data: ")) event.data = JSON.parse(line.slice(6));
        }
        received.push(event);
        return event;
      }
      const { done, value } = await reader.read();
      if (done) return undefined;
      buffer += decoder.decode(value, { stream: true });
    }
  }

  return {
    received,
    /** The next `count` notification events, skipping comments; fails after `timeoutMs`. */
    async notifications(count: number, timeoutMs = 10_000): Promise<ServerSentEvent[]> {
      const found: ServerSentEvent[] = [];
      const deadline = setTimeout(() => void reader.cancel(new Error("timed out")), timeoutMs);
      try {
        while (found.length < count) {
          const event = await readBlock();
          if (!event) throw new Error(`The stream ended after ${found.length} of ${count} notifications.`);
          if (event.event) found.push(event);
        }
      } finally {
        clearTimeout(deadline);
      }
      return found;
    },
    /** Reads on until a comment `text` arrives (`: text`); fails after `timeoutMs`. */
    async comment(text: string, timeoutMs = 10_000): Promise<void> {
      const deadline = setTimeout(() => void reader.cancel(new Error("timed out")), timeoutMs);
      try {
        for (;;) {
          const event = await readBlock();
          if (!event) throw new Error(`The stream ended without a "${text}" comment.`);
          if (event.comment === text) return;
        }
      } finally {
        clearTimeout(deadline);
      }
    },
    async ended(): Promise<boolean> {
      for (;;) {
        const event = await readBlock();
        if (!event) return true;
        if (event.event) return false;
      }
    },
  };
}

describe("notificationStream", () => {
  it("replays what was missed after Last-Event-ID, then sends new notifications live, and nothing of others", async () => {
    const seen = await create("mem_ana", "N1");
    const missed = [await create("mem_ana", "N2"), await create("mem_ben", "Ben's B1"), await create("mem_ana", "N3")];
    await markRead(database.db, "mem_ana", [seen]);
    const abort = new AbortController();
    const stream = sseReader(
      notificationStream({
        hub: countingHub,
        db: database.db,
        memberId: "mem_ana",
        lastEventId: seen,
        signal: abort.signal,
      }),
    );

    const caughtUp = await stream.notifications(2);
    expect(caughtUp.map((e) => [e.id, e.event, e.data?.notification.title])).toEqual([
      [missed[0], "notification", "N2"],
      [missed[2], "notification", "N3"],
    ]);
    expect(caughtUp.map((e) => e.data?.notification.id)).toEqual([missed[0], missed[2]]);
    expect(caughtUp[1].data?.unreadCount).toBe(2);

    const live = await create("mem_ana", "N4");
    await create("mem_ben", "Ben's B2");
    const after = await create("mem_ana", "N5");
    const liveEvents = await stream.notifications(2);

    expect(liveEvents.map((e) => [e.id, e.data?.notification.title, e.data?.unreadCount])).toEqual([
      [live, "N4", expect.any(Number)],
      [after, "N5", 4],
    ]);
    expect(stream.received.every((e) => e.data === undefined || e.data.notification.memberId === "mem_ana")).toBe(true);
    abort.abort();
    expect(await stream.ended()).toBe(true);
    expect(subscriptions).toBe(0);
  });

  it("without Last-Event-ID sends only what is new, and keeps the connection alive with comments", async () => {
    await create("mem_cleo", "already on the page");
    const watched = watchedDatabase();
    const abort = new AbortController();
    const stream = sseReader(
      notificationStream({
        hub: countingHub,
        db: watched.db,
        memberId: "mem_cleo",
        heartbeatMs: 20,
        signal: abort.signal,
      }),
    );
    // Once the stream has read what is on the page, a notification committed is news.
    await watched.firstReadDone;
    const fresh = await create("mem_cleo", "new");

    const [event] = await stream.notifications(1);
    expect(event).toMatchObject({ id: fresh, event: "notification", data: { unreadCount: 2 } });
    // Comments keep the connection alive: a heartbeat comes.
    await stream.comment("heartbeat");
    abort.abort();
    expect(await stream.ended()).toBe(true);
    await watched.close();
  });

  it("releases its subscription when the browser goes away", async () => {
    const abort = new AbortController();
    const stream = notificationStream({ hub: countingHub, db: database.db, memberId: "mem_dan", signal: abort.signal });
    expect(subscriptions).toBe(1);

    await stream.cancel();
    expect(subscriptions).toBe(0);
  });

  it("catches up on what was committed while the hub's connection was down", async () => {
    const slowHub = createNotificationHub({ databaseUrl: database.databaseUrl, onError: () => {}, reconnectMs: 1000 });
    await slowHub.ready;
    const watched = watchedDatabase();
    const abort = new AbortController();
    const stream = sseReader(
      notificationStream({ hub: slowHub, db: watched.db, memberId: "mem_eve", signal: abort.signal }),
    );
    await watched.firstReadDone;

    await otherPool.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'lotbridge-notification-hub' and datname = current_database()",
    );
    await vi.waitFor(async () => expect(await hubConnections()).toBe(0), { interval: 20 });
    const duringOutage = await create("mem_eve", "while the hub was away");
    // Still no hub listening (they reconnect after a second): the notification can only arrive by catching up.
    expect(await hubConnections()).toBe(0);
    const [event] = await stream.notifications(1);

    expect(event.id).toBe(duringOutage);
    abort.abort();
    expect(await stream.ended()).toBe(true);
    await slowHub.close();
    await watched.close();
  });
});
