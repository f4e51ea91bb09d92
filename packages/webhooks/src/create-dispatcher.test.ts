import type { Database } from "@lotbridge/db/database";
import { freePort } from "@lotbridge/db/free-port";
import { openTestDatabase, type OpenTestDatabase as TestDatabase } from "@lotbridge/db/testing/open-test-database";
import { asc, count, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type Responder, startTestReceiver, type TestReceiver } from "../testing/test-receiver";
import { createDispatcher, type Dispatcher, type DispatcherOptions } from "./create-dispatcher";
import { enqueueMessage } from "./enqueue-message";
import { keepCollectingGarbage } from "./keep-collecting-garbage";
import { newWebhookSecret } from "./new-webhook-secret";
import { saveWebhookEndpoint } from "./save-webhook-endpoint";
import { deliveryAttempt, inboxMessage, type OutboxMessage, outboxMessage, webhookEndpoint } from "./tables";
import type { SendResult, Transport } from "./transport";
import { webhookTransport } from "./webhook-transport";

let database: TestDatabase;
let db: Database;
const dispatchers: Dispatcher[] = [];
const receivers: TestReceiver[] = [];

beforeAll(async () => {
  database = await openTestDatabase("webhooks");
  db = database.db;
});
afterAll(() => database.close());
beforeEach(async () => {
  // delete rather than truncate: truncate syncs to disk and costs tenfold in a test this short.
  for (const table of [deliveryAttempt, outboxMessage, webhookEndpoint, inboxMessage]) await db.delete(table);
});
afterEach(async () => {
  await Promise.all(dispatchers.splice(0).map((dispatcher) => dispatcher.stop()));
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

async function receiver(respond?: Responder, port?: number) {
  const started = await startTestReceiver(respond, port);
  receivers.push(started);
  return started;
}

async function endpointAt(url: string) {
  await saveWebhookEndpoint(db, { id: "producer", url, secret: newWebhookSecret() });
}

function dispatcher(options: Partial<DispatcherOptions> = {}) {
  const created = createDispatcher({
    db,
    databaseUrl: database.databaseUrl,
    // The test receivers listen on 127.0.0.1.
    transports: { webhook: webhookTransport({ db, allowLoopback: true }) },
    scheduleScale: 0.001,
    pollIntervalMs: 20,
    ...options,
  });
  dispatchers.push(created);
  return created;
}

let events = 0;
function enqueueEvent(tx: Database = db) {
  events += 1;
  return enqueueMessage(tx, {
    kind: "webhook",
    destination: "producer",
    eventId: `evt_${events}`,
    eventType: "lot.published",
    payload: { id: `evt_${events}`, type: "lot.published", data: { id: "lot_1", version: events } },
  });
}

async function message(id: string): Promise<OutboxMessage> {
  const [row] = await db.select().from(outboxMessage).where(eq(outboxMessage.id, id));
  return row;
}

function attempts(id: string) {
  return db
    .select()
    .from(deliveryAttempt)
    .where(eq(deliveryAttempt.messageId, id))
    .orderBy(asc(deliveryAttempt.attemptNumber));
}

/** Backends of this database's outbox listeners, i.e. of the dispatchers now listening. */
async function listenerPids(): Promise<number[]> {
  const { rows } = await db.execute<{ pid: number }>(
    sql`select pid from pg_stat_activity where application_name = 'lotbridge-outbox-listener' and datname = current_database()`,
  );
  return rows.map((row) => row.pid);
}

async function settled(id: string, status: OutboxMessage["status"], timeout = 5000) {
  await vi.waitFor(async () => expect((await message(id)).status).toBe(status), { timeout, interval: 10 });
}

describe("createDispatcher", () => {
  it("retries a receiver that answers 500, then 200, and logs both attempts", async () => {
    const server = await receiver((_request, index) => ({ status: index === 0 ? 500 : 200, body: "thanks" }));
    await endpointAt(`${server.url}/hooks`);
    await dispatcher().start();
    const id = await db.transaction((tx) => enqueueEvent(tx));

    await settled(id, "delivered");
    expect(server.requests).toHaveLength(2);
    expect(server.requests.map((r) => r.headers["webhook-id"])).toEqual([`evt_${events}`, `evt_${events}`]);
    const log = await attempts(id);
    expect(log.map((a) => [a.attemptNumber, a.outcome, a.statusCode])).toEqual([
      [1, "failed", 500],
      [2, "delivered", 200],
    ]);
    expect(log[1].responseExcerpt).toBe("thanks");
    expect(await message(id)).toMatchObject({ attempts: 2, lastError: null, lastStatus: 200, leaseUntil: null });
    expect((await message(id)).deliveredAt).toBeInstanceOf(Date);
  });

  it("delivers to a receiver that was down once it is back", async () => {
    const port = await freePort();
    await endpointAt(`http://127.0.0.1:${port}/hooks`);
    await dispatcher().start();
    const id = await enqueueEvent();

    await vi.waitFor(async () => expect((await attempts(id)).length).toBeGreaterThanOrEqual(2), { interval: 5 });
    const server = await receiver(undefined, port);
    await settled(id, "delivered");

    expect(server.requests).toHaveLength(1);
    const log = await attempts(id);
    expect(log.at(-1)?.outcome).toBe("delivered");
    for (const failed of log.slice(0, -1)) {
      expect(failed).toMatchObject({
        outcome: "failed",
        statusCode: null,
        error: expect.stringContaining("ECONNREFUSED"),
      });
    }
  });

  it("sends nothing for a rolled-back enqueue", async () => {
    const server = await receiver();
    await endpointAt(`${server.url}/hooks`);
    const running = dispatcher();
    await running.start();

    await expect(
      db.transaction(async (tx) => {
        await enqueueEvent(tx);
        throw new Error("the bid was invalid after all");
      }),
    ).rejects.toThrow("the bid was invalid");
    const committed = await db.transaction((tx) => enqueueEvent(tx));
    // Enqueued later, so due later: a claim that could see the rolled-back message would take it no later than this
    // one. Stopping waits for every send in flight.
    await settled(committed, "delivered");
    await running.stop();

    expect(server.requests.map((r) => r.headers["webhook-id"])).toEqual([`evt_${events}`]);
    expect((await db.select({ n: count() }).from(outboxMessage))[0].n).toBe(1);
    expect((await db.select({ n: count() }).from(deliveryAttempt))[0].n).toBe(1);
  });

  it("delivers a message committed while no dispatcher ran, once one starts", async () => {
    const server = await receiver();
    await endpointAt(`${server.url}/hooks`);
    const sentByStopped: string[] = [];
    const recording: Transport = {
      async send(m) {
        sentByStopped.push(m.id);
        return { outcome: "retry", error: "Sent by the stopped dispatcher." };
      },
    };
    const before = dispatcher({ transports: { webhook: recording } });
    // Its poll runs on fake time: 25 polls fall due at once after the commit, however slow the machine.
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    let id: string;
    try {
      await before.start();
      await before.stop();
      id = await db.transaction((tx) => enqueueEvent(tx));
      vi.advanceTimersByTime(500);
    } finally {
      vi.useRealTimers();
    }
    // Stopping again waits for whatever those polls took; and no connection of its own is left to be notified.
    await before.stop();
    await vi.waitFor(async () => expect(await listenerPids()).toEqual([]), { timeout: 5000, interval: 10 });
    expect(sentByStopped).toEqual([]);
    expect(await message(id)).toMatchObject({ status: "pending", attempts: 0 });

    // No poll for a minute: only its start finds the message, whose notification came before it listened.
    const after = dispatcher({ pollIntervalMs: 60_000 });
    await after.start();
    await settled(id, "delivered");
    await after.stop();
    expect(sentByStopped).toEqual([]);
    expect(server.requests).toHaveLength(1);
    expect((await attempts(id)).map((a) => [a.attemptNumber, a.outcome])).toEqual([[1, "delivered"]]);
  });

  it("wakes on NOTIFY without waiting for a poll, and listens again after its connection is killed", async () => {
    const server = await receiver();
    await endpointAt(`${server.url}/hooks`);
    await dispatcher({ pollIntervalMs: 60_000 }).start();

    const first = await db.transaction((tx) => enqueueEvent(tx));
    await settled(first, "delivered", 1000);

    const [killed] = await listenerPids();
    await db.execute(sql`select pg_terminate_backend(${killed})`);
    await vi.waitFor(async () => expect((await listenerPids()).filter((pid) => pid !== killed)).toHaveLength(1), {
      timeout: 5000,
      interval: 50,
    });
    const second = await db.transaction((tx) => enqueueEvent(tx));
    await settled(second, "delivered", 1000);
    expect(server.requests).toHaveLength(2);
  });

  it("marks a message dead when its schedule runs out, and calls onDead once", async () => {
    const server = await receiver((request) => ({ status: request.path === "/later" ? 200 : 500 }));
    await endpointAt(`${server.url}/hooks`);
    const dead: OutboxMessage[] = [];
    const running = dispatcher({ scheduleScale: 0.00001, onDead: async (_tx, m) => void dead.push(m) });
    await running.start();
    const id = await enqueueEvent();

    await settled(id, "dead");
    // A later message is delivered only by a claim made after the message died; a claim that took the dead message
    // again would take it first, as it is due sooner. Stopping waits for whatever that claim sent.
    await saveWebhookEndpoint(db, { id: "later", url: `${server.url}/later`, secret: newWebhookSecret() });
    const later = await enqueueMessage(db, { kind: "webhook", destination: "later", payload: {} });
    await settled(later, "delivered");
    await running.stop();
    expect(server.requests.map((r) => r.path)).toEqual([...Array(8).fill("/hooks"), "/later"]);
    expect((await attempts(id)).map((a) => a.outcome)).toEqual(Array(8).fill("failed"));
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({
      id,
      status: "dead",
      attempts: 8,
      lastStatus: 500,
      lastError: "The receiver answered 500.",
    });
  });

  it("has two dispatchers deliver 50 messages exactly once each", async () => {
    const server = await receiver(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { status: 200 };
    });
    await endpointAt(`${server.url}/hooks`);
    const deliveredBy = { a: 0, b: 0 };
    const a = dispatcher({ concurrency: 4, onDelivered: async () => void deliveredBy.a++ });
    const b = dispatcher({ concurrency: 4, onDelivered: async () => void deliveredBy.b++ });
    await Promise.all([a.start(), b.start()]);
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push(await db.transaction((tx) => enqueueEvent(tx)));

    await vi.waitFor(
      async () => {
        const [delivered] = await db
          .select({ n: count() })
          .from(outboxMessage)
          .where(eq(outboxMessage.status, "delivered"));
        expect(delivered.n).toBe(50);
      },
      { timeout: 10_000, interval: 20 },
    );
    // A second send of a message could still be in flight; stopping waits for every send to be recorded.
    await Promise.all([a.stop(), b.stop()]);

    const receipts = new Map<string, number>();
    for (const request of server.requests) {
      const id = String(request.headers["webhook-id"]);
      receipts.set(id, (receipts.get(id) ?? 0) + 1);
    }
    expect(receipts.size).toBe(50);
    expect([...receipts.values()].every((n) => n === 1)).toBe(true);
    expect(deliveredBy.a + deliveredBy.b).toBe(50);
    expect((await db.select({ n: count() }).from(deliveryAttempt))[0].n).toBe(50);
  });

  it("sends a message again when its sender died mid-send, and ignores the dead sender's late outcome", async () => {
    const server = await receiver();
    await endpointAt(`${server.url}/hooks`);
    let finishStuckSend: (result: SendResult) => void = () => {};
    const stuck: Transport = { send: () => new Promise((resolve) => (finishStuckSend = resolve)) };
    const hooks = { zombie: 0, survivor: 0 };
    const zombie = dispatcher({
      transports: { webhook: stuck },
      leaseMs: 200,
      onDelivered: async () => void hooks.zombie++,
    });
    const id = await enqueueEvent();
    const zombieRun = zombie.runOnce();
    await vi.waitFor(async () => expect((await message(id)).attempts).toBe(1), { interval: 5 });

    const survivor = dispatcher({ onDelivered: async () => void hooks.survivor++ });
    expect(await survivor.runOnce()).toBe(0);
    // The lease runs out by the database's clock, the one a claim goes by.
    await vi.waitFor(
      async () => {
        const [lease] = await db
          .select({ over: sql<boolean>`${outboxMessage.leaseUntil} <= now()` })
          .from(outboxMessage)
          .where(eq(outboxMessage.id, id));
        expect(lease.over).toBe(true);
      },
      { timeout: 5000, interval: 10 },
    );
    expect(await survivor.runOnce()).toBe(1);
    finishStuckSend({ outcome: "delivered", status: 200 });
    await zombieRun;

    expect(server.requests).toHaveLength(1);
    expect(hooks).toEqual({ zombie: 0, survivor: 1 });
    expect(await message(id)).toMatchObject({ status: "delivered", attempts: 2 });
    expect((await attempts(id)).map((a) => a.attemptNumber)).toEqual([1, 2]);
  });

  it("aborts a send as its lease runs out even when the transport keeps the signal only weakly, as garbage is collected", async () => {
    // AbortSignal.any holds its sources weakly: the lease signal must be kept alive by the dispatcher, not the transport.
    const leaseBound: Transport = {
      async send(_message, signal) {
        const combined = AbortSignal.any([signal]);
        const aborted = new Promise<boolean>((resolve) => combined.addEventListener("abort", () => resolve(true)));
        const gaveUp = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000));
        const byLease = await Promise.race([aborted, gaveUp]);
        return { outcome: "retry", error: byLease ? "Aborted at the lease's end." : "Never aborted." };
      },
    };
    const id = await enqueueEvent();
    const stopCollecting = keepCollectingGarbage();
    try {
      await dispatcher({ transports: { webhook: leaseBound }, leaseMs: 1000, scheduleScale: 1 }).runOnce();
    } finally {
      stopCollecting();
    }

    const [attempt] = await attempts(id);
    expect(attempt).toMatchObject({ outcome: "failed", error: "Aborted at the lease's end." });
    expect(attempt.latencyMs).toBeGreaterThanOrEqual(890);
    expect(attempt.latencyMs).toBeLessThan(1500);
    const retried = await message(id);
    expect(retried).toMatchObject({ status: "pending", attempts: 1, leaseUntil: null });
    expect(retried.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(3000);
  });

  it("records an outcome together with its hook's writes; a hook that fails undoes only its writes and the attempt counts as failed, sent again on the schedule", async () => {
    const server = await receiver();
    await endpointAt(`${server.url}/hooks`);
    let calls = 0;
    const errors: unknown[] = [];
    await dispatcher({
      leaseMs: 200,
      onError: (error) => errors.push(error),
      onDelivered: async (tx, m) => {
        calls += 1;
        await tx.insert(inboxMessage).values({ webhookId: `answer-of-${m.id}`, eventType: "answer" });
        if (calls === 1) throw new Error("could not store the answer");
      },
    }).start();
    const id = await enqueueEvent();

    await settled(id, "delivered");
    expect(calls).toBe(2);
    expect(errors).toEqual([]);
    expect(server.requests).toHaveLength(2);
    expect(await db.select().from(inboxMessage)).toHaveLength(1);
    expect((await attempts(id)).map((a) => [a.attemptNumber, a.outcome])).toEqual([
      [1, "failed"],
      [2, "delivered"],
    ]);
  });

  it("waits on stop for the send in flight and records it", async () => {
    const server = await receiver(async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { status: 200 };
    });
    await endpointAt(`${server.url}/hooks`);
    const running = dispatcher();
    await running.start();
    const id = await enqueueEvent();
    await vi.waitFor(() => expect(server.requests).toHaveLength(1), { interval: 5 });

    await running.stop();
    expect(await message(id)).toMatchObject({ status: "delivered", attempts: 1 });
  });
});
