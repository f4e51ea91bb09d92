import { createPool } from "@lotbridge/db/create-pool";
import type { Database } from "@lotbridge/db/database";
import { openTestDatabase, type OpenTestDatabase as TestDatabase } from "@lotbridge/db/testing/open-test-database";
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createNotificationHub, type HubEvent, type NotificationHub } from "./create-notification-hub";
import { type NotificationRecipient, notify } from "./notify";

let database: TestDatabase;
let hub: NotificationHub;
// Another process's connections: notifications committed here reach the hub only through PostgreSQL.
let otherPool: pg.Pool;
let otherProcess: Database;
const hubErrors: Error[] = [];

beforeAll(async () => {
  database = await openTestDatabase("notifications");
  otherPool = createPool(database.databaseUrl, () => {});
  otherProcess = drizzle(otherPool);
  hub = createNotificationHub({
    databaseUrl: database.databaseUrl,
    onError: (e) => hubErrors.push(e),
    reconnectMs: 50,
  });
  await hub.ready;
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

async function notifyFromOtherProcess(memberId: string): Promise<string> {
  const [created] = await otherProcess.transaction((tx) =>
    notify(tx, {
      type: "bid.received",
      recipients: [recipient(memberId)],
      title: "New bid",
      body: "",
      emailByDefault: false,
    }),
  );
  return created.id;
}

function collect(memberId: string): { events: HubEvent[]; arrivals: number[]; stop: () => void } {
  const events: HubEvent[] = [];
  const arrivals: number[] = [];
  const stop = hub.subscribe(memberId, (event) => {
    events.push(event);
    arrivals.push(performance.now());
  });
  return { events, arrivals, stop };
}

describe("createNotificationHub", () => {
  it("delivers a notification committed by another process to its recipient's subscribers only", async () => {
    const ana = collect("mem_ana");
    const anaSecondTab = collect("mem_ana");
    const ben = collect("mem_ben");
    const latencies: number[] = [];

    for (let i = 0; i < 10; i++) {
      const before = ana.events.length;
      const started = performance.now();
      const id = await notifyFromOtherProcess("mem_ana");
      await vi.waitFor(() => expect(ana.events.length).toBe(before + 1), { timeout: 10_000, interval: 1 });
      latencies.push(ana.arrivals.at(-1)! - started);
      expect(ana.events.at(-1)).toEqual({ type: "notification", id, memberId: "mem_ana" });
    }
    // Signals arrive in commit order: once Ben's own has come, any of Ana's would have come before it.
    const bensId = await notifyFromOtherProcess("mem_ben");
    await vi.waitFor(() => expect(ben.events).toHaveLength(1), { timeout: 10_000, interval: 1 });

    expect(ben.events).toEqual([{ type: "notification", id: bensId, memberId: "mem_ben" }]);
    expect(anaSecondTab.events).toEqual(ana.events);
    expect(ana.events.every((event) => event.memberId === "mem_ana")).toBe(true);
    latencies.sort((a, b) => a - b);
    console.log(
      `hub latency, from opening the notifying transaction in another pool to the subscriber call (10 runs): median ${latencies[5].toFixed(1)} ms, max ${latencies[9].toFixed(1)} ms`,
    );
    for (const subscription of [ana, anaSecondTab, ben]) subscription.stop();
  });

  it("stops calling a subscriber once it unsubscribes", async () => {
    const gone = collect("mem_cleo");
    const staying = collect("mem_cleo");
    gone.stop();

    await notifyFromOtherProcess("mem_cleo");
    await vi.waitFor(() => expect(staying.events).toHaveLength(1), { timeout: 10_000, interval: 1 });

    expect(gone.events).toEqual([]);
    staying.stop();
  });

  it("reconnects after its connection is cut and tells subscribers to catch up", async () => {
    const dan = collect("mem_dan");
    await otherPool.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'lotbridge-notification-hub' and datname = current_database()",
    );
    await vi.waitFor(() => expect(dan.events).toEqual([{ type: "reconnected", memberId: "mem_dan" }]), {
      timeout: 10_000,
      interval: 5,
    });

    const id = await notifyFromOtherProcess("mem_dan");
    await vi.waitFor(() => expect(dan.events).toHaveLength(2), { timeout: 10_000, interval: 1 });

    expect(dan.events[1]).toEqual({ type: "notification", id, memberId: "mem_dan" });
    expect(hubErrors.length).toBeGreaterThan(0);
    dan.stop();
  });
});
