import type { Database } from "@lotbridge/db/database";
import { freePort } from "@lotbridge/db/free-port";
import { openTestDatabase, type OpenTestDatabase as TestDatabase } from "@lotbridge/db/testing/open-test-database";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestReceiver, type TestReceiver } from "../testing/test-receiver";
import { createDispatcher } from "./create-dispatcher";
import { disableFailingEndpoints } from "./disable-failing-endpoints";
import { endpointHealth } from "./endpoint-health";
import { enqueueMessage } from "./enqueue-message";
import { newWebhookSecret } from "./new-webhook-secret";
import { recordOutcome } from "./record-outcome";
import { saveWebhookEndpoint } from "./save-webhook-endpoint";
import { setWebhookEndpointEnabled } from "./set-webhook-endpoint-enabled";
import { deliveryAttempt, outboxMessage, type WebhookEndpoint, webhookEndpoint } from "./tables";
import { webhookTransport } from "./webhook-transport";

let database: TestDatabase;
let db: Database;
const receivers: TestReceiver[] = [];
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  database = await openTestDatabase("webhooks");
  db = database.db;
});
afterAll(() => database.close());
beforeEach(async () => {
  for (const table of [deliveryAttempt, outboxMessage, webhookEndpoint]) await db.delete(table);
});
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

async function receiver(status: number) {
  const started = await startTestReceiver(() => ({ status }));
  receivers.push(started);
  return started;
}

const endpoint = (id: string, url: string) => saveWebhookEndpoint(db, { id, url, secret: newWebhookSecret() });

let events = 0;
function enqueueTo(destination: string) {
  events += 1;
  return enqueueMessage(db, {
    kind: "webhook",
    destination,
    eventId: `evt_${events}`,
    eventType: "lot.published",
    payload: { id: `evt_${events}`, type: "lot.published", data: { version: events } },
  });
}

/** One attempt of everything due, the way the portal's dispatcher makes it (each message names its endpoint). */
const sendDue = () =>
  createDispatcher({
    db,
    databaseUrl: database.databaseUrl,
    transports: { webhook: webhookTransport({ db, allowLoopback: true }) },
  }).runOnce();

const row = async (id: string): Promise<WebhookEndpoint> =>
  (await db.select().from(webhookEndpoint).where(eq(webhookEndpoint.id, id)))[0];

describe("endpoint health", () => {
  it("starts failing_since at the first failed attempt, keeps it through later failures and clears it on a delivery", async () => {
    const down = `http://127.0.0.1:${await freePort()}/hooks`;
    await endpoint("a", down);
    await enqueueTo("a");
    const before = new Date();
    await sendDue();
    const first = (await row("a")).failingSince;
    expect(first).toBeInstanceOf(Date);
    expect(first?.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);

    await db.update(outboxMessage).set({ nextAttemptAt: new Date() }); // the retry is due
    await sendDue();
    expect((await row("a")).failingSince).toEqual(first);

    const up = await receiver(204);
    await endpoint("a", `${up.url}/hooks`);
    // A new URL is a new receiver: its health starts afresh.
    expect((await row("a")).failingSince).toBeNull();
    await db.update(webhookEndpoint).set({ failingSince: first });
    await db.update(outboxMessage).set({ nextAttemptAt: new Date() });
    await sendDue();
    expect(up.requests).toHaveLength(1);
    expect((await row("a")).failingSince).toBeNull();
  });

  it("ignores a failure recorded after a later attempt was delivered", async () => {
    await endpoint("a", "http://127.0.0.1:9/hooks");
    const [delivered, failed] = [await enqueueTo("a"), await enqueueTo("a")];
    const claimed = await db.select().from(outboxMessage).where(eq(outboxMessage.destination, "a"));
    const byId = Object.fromEntries(claimed.map((m) => [m.id, { ...m, attempts: 0 }]));
    const plan = { schedule: [0, 1000], scale: 1 };
    const early = new Date(Date.now() - 10_000);
    const late = new Date(Date.now() - 5_000);
    await recordOutcome(
      db,
      {
        message: byId[delivered],
        result: { outcome: "delivered", status: 200, endpointId: "a" },
        startedAt: late,
        latencyMs: 5,
      },
      plan,
      {},
    );
    // The failure started earlier, timed out slowly and is recorded last.
    await recordOutcome(
      db,
      {
        message: byId[failed],
        result: { outcome: "retry", error: "timeout", endpointId: "a" },
        startedAt: early,
        latencyMs: 15_000,
      },
      plan,
      {},
    );
    expect((await row("a")).failingSince).toBeNull();
  });

  it("is measured per endpoint: one failing does not mark another delivering", async () => {
    const up = await receiver(200);
    const broken = await receiver(500);
    await endpoint("good", `${up.url}/hooks`);
    await endpoint("bad", `${broken.url}/hooks`);
    await enqueueTo("good");
    await enqueueTo("bad");
    await enqueueTo("bad");
    await sendDue();

    const health = await endpointHealth(db);
    const byId = Object.fromEntries(health.map((h) => [h.id, h]));
    expect(byId.good).toMatchObject({ failingSince: null, failedLast24h: 0, pending: 0, dead: 0, enabled: true });
    expect(byId.good.lastDeliveredAt).toBeInstanceOf(Date);
    expect(byId.bad).toMatchObject({ failedLast24h: 2, pending: 2, dead: 0, lastDeliveredAt: null });
    expect(byId.bad.failingSince).toBeInstanceOf(Date);
    expect((await row("good")).failingSince).toBeNull();

    // Failures older than a day no longer count as recent; dead messages are counted.
    await db.update(outboxMessage).set({ status: "dead" }).where(eq(outboxMessage.destination, "bad"));
    const [later] = await endpointHealth(db, { ids: ["bad"], now: new Date(Date.now() + DAY + 60_000) });
    expect(later).toMatchObject({ id: "bad", failedLast24h: 0, pending: 0, dead: 2 });
  });
});

describe("disableFailingEndpoints", () => {
  it("disables an endpoint failing for 5 days once, says why, keeps its messages pending and sends them after re-enabling", async () => {
    const broken = await receiver(503);
    await endpoint("a", `${broken.url}/hooks`);
    await endpoint("fine", `${broken.url}/other`);
    const id = await enqueueTo("a");
    await sendDue();
    const failingSince = (await row("a")).failingSince as Date;
    const told: string[] = [];
    const onDisabled = async (_tx: unknown, disabled: WebhookEndpoint) => {
      told.push(disabled.id);
    };

    // Just short of five days: nothing happens.
    const almost = new Date(failingSince.getTime() + 5 * DAY - 1000);
    expect(await disableFailingEndpoints(db, { now: almost, onDisabled })).toEqual([]);
    expect((await row("a")).enabled).toBe(true);

    const fiveDays = new Date(failingSince.getTime() + 5 * DAY);
    const disabled = await disableFailingEndpoints(db, { now: fiveDays, onDisabled });
    expect(disabled.map((e) => e.id)).toEqual(["a"]);
    expect(told).toEqual(["a"]);
    const stored = await row("a");
    expect(stored.enabled).toBe(false);
    expect(stored.disabledReason).toContain(`Disabled automatically on ${fiveDays.toISOString()}`);
    expect(stored.disabledReason).toContain(failingSince.toISOString().slice(0, 19));
    expect((await row("fine")).enabled).toBe(true);

    // A later run tells nobody again.
    await disableFailingEndpoints(db, { now: new Date(fiveDays.getTime() + DAY), onDisabled });
    expect(told).toEqual(["a"]);

    // While disabled, its message waits: not sent, attempts untouched.
    await db.update(outboxMessage).set({ nextAttemptAt: new Date() });
    const requestsBefore = broken.requests.length;
    await sendDue();
    expect(broken.requests).toHaveLength(requestsBefore);
    const [waiting] = await db.select().from(outboxMessage).where(eq(outboxMessage.id, id));
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });

    // Fixed and enabled again: the message goes out at once, whatever its retry time, and the clock restarts.
    const fixed = await receiver(200);
    await db
      .update(webhookEndpoint)
      .set({ url: `${fixed.url}/hooks` })
      .where(eq(webhookEndpoint.id, "a"));
    await db.update(outboxMessage).set({ nextAttemptAt: new Date(Date.now() + DAY) });
    expect(await setWebhookEndpointEnabled(db, "a", { enabled: true })).toBe(true);
    expect(await row("a")).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });
    await sendDue();
    expect(fixed.requests).toHaveLength(1);
    const [delivered] = await db.select().from(outboxMessage).where(eq(outboxMessage.id, id));
    expect(delivered.status).toBe("delivered");
  });

  it("follows the configured period", async () => {
    await endpoint("a", "http://127.0.0.1:9/hooks");
    const failingSince = new Date("2026-01-01T00:00:00Z");
    await db.update(webhookEndpoint).set({ failingSince });
    const now = new Date("2026-01-01T01:00:00Z");
    expect(await disableFailingEndpoints(db, { now, failingForMs: 2 * 60 * 60 * 1000 })).toEqual([]);
    const disabled = await disableFailingEndpoints(db, { now, failingForMs: 60 * 60 * 1000 });
    expect(disabled.map((e) => e.id)).toEqual(["a"]);
  });
});
