import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "@lotbridge/db/database";
import { openTestDatabase, type OpenTestDatabase as TestDatabase } from "@lotbridge/db/testing/open-test-database";
import { asc, eq, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type Answer, type Responder, startTestReceiver, type TestReceiver } from "../testing/test-receiver";
import { createDispatcher, type Dispatcher, type DispatcherOptions } from "./create-dispatcher";
import { enqueueMessage } from "./enqueue-message";
import { keepCollectingGarbage } from "./keep-collecting-garbage";
import { newWebhookSecret } from "./new-webhook-secret";
import { receiveWebhook } from "./receive-webhook";
import { saveWebhookEndpoint } from "./save-webhook-endpoint";
import { setWebhookEndpointEnabled } from "./set-webhook-endpoint-enabled";
import { deliveryAttempt, inboxMessage, type OutboxMessage, outboxMessage, webhookEndpoint } from "./tables";
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
  for (const table of [deliveryAttempt, outboxMessage, webhookEndpoint, inboxMessage]) await db.delete(table);
});
afterEach(async () => {
  await Promise.all(dispatchers.splice(0).map((dispatcher) => dispatcher.stop()));
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

async function receiver(respond?: Responder) {
  const started = await startTestReceiver(respond);
  receivers.push(started);
  return started;
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
async function enqueueEvent() {
  events += 1;
  const eventId = `evt_${events}`;
  const payload = { id: eventId, type: "lot.updated", createdAt: new Date().toISOString(), data: { version: events } };
  const id = await db.transaction((tx) =>
    enqueueMessage(tx, { kind: "webhook", destination: "producer", eventId, eventType: "lot.updated", payload }),
  );
  return { id, eventId, payload };
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

async function endpoint() {
  const [row] = await db.select().from(webhookEndpoint).where(eq(webhookEndpoint.id, "producer"));
  return row;
}

describe("webhookTransport", () => {
  it("signs every attempt afresh with a signature the stock Standard Webhooks verifier accepts, under a stable webhook-id", async () => {
    const secret = newWebhookSecret();
    const server = await receiver((_request, index) => ({ status: index === 0 ? 503 : 204 }));
    await saveWebhookEndpoint(db, { id: "producer", url: `${server.url}/hooks`, secret });
    await dispatcher().start();
    const { id, eventId, payload } = await enqueueEvent();

    await vi.waitFor(async () => expect((await message(id)).status).toBe("delivered"), { interval: 10 });
    expect(server.requests).toHaveLength(2);
    for (const request of server.requests) {
      expect(request.headers["webhook-id"]).toBe(eventId);
      expect(request.headers["content-type"]).toBe("application/json");
      const headers = request.headers as Record<string, string>;
      expect(new Webhook(secret).verify(request.body, headers)).toEqual(payload);
    }
    expect(server.requests.map((r) => r.headers["webhook-signature"])).not.toContain(undefined);
  });

  it("treats a redirect as a failure and does not follow it", async () => {
    const server = await receiver((request) =>
      request.path === "/hooks" ? { status: 301, headers: { location: "/moved" } } : { status: 200 },
    );
    await saveWebhookEndpoint(db, { id: "producer", url: `${server.url}/hooks`, secret: newWebhookSecret() });
    const { id } = await enqueueEvent();

    expect(await dispatcher().runOnce()).toBe(1);
    expect(server.requests.map((r) => r.path)).toEqual(["/hooks"]);
    expect(await message(id)).toMatchObject({ status: "pending", attempts: 1, lastStatus: 301 });
    const [attempt] = await attempts(id);
    expect(attempt).toMatchObject({ outcome: "failed", statusCode: 301, error: expect.stringContaining("/moved") });
    expect(attempt.error).toContain("redirects are not followed");
  });

  it("waits as long as a 429's Retry-After asks, not the shorter scheduled delay", async () => {
    const server = await receiver((_request, index) =>
      index === 0 ? { status: 429, headers: { "retry-after": "1" } } : { status: 200 },
    );
    await saveWebhookEndpoint(db, { id: "producer", url: `${server.url}/hooks`, secret: newWebhookSecret() });
    await dispatcher().start();
    const { id } = await enqueueEvent();

    await vi.waitFor(async () => expect((await message(id)).status).toBe("delivered"), { timeout: 5000, interval: 10 });
    const [first, second] = server.requests;
    expect(second.at - first.at).toBeGreaterThanOrEqual(950);
    expect((await attempts(id)).map((a) => a.statusCode)).toEqual([429, 200]);
  });

  it("disables the endpoint on 410 Gone, kills the message, and sends nothing more until it is enabled", async () => {
    let answer = 410;
    const server = await receiver(() => ({ status: answer }));
    await saveWebhookEndpoint(db, { id: "producer", url: `${server.url}/hooks`, secret: newWebhookSecret() });
    const refused: OutboxMessage[] = [];
    const running = dispatcher({ onRefused: async (_tx, m) => void refused.push(m) });
    const gone = await enqueueEvent();

    await running.runOnce();
    expect(await message(gone.id)).toMatchObject({ status: "dead", lastStatus: 410 });
    expect(refused.map((m) => m.id)).toEqual([gone.id]);
    expect(await endpoint()).toMatchObject({ enabled: false, disabledReason: expect.stringContaining("410 Gone") });

    // While it is disabled, new webhooks wait without burning attempts; enabled again, they go out.
    const later = await enqueueEvent();
    await running.runOnce();
    await running.runOnce();
    expect(server.requests).toHaveLength(1);
    expect(await message(later.id)).toMatchObject({ status: "pending", attempts: 0 });
    await setWebhookEndpointEnabled(db, "producer", { enabled: true });
    answer = 200;
    await running.runOnce();
    expect(await message(later.id)).toMatchObject({ status: "delivered", attempts: 1 });
    expect(server.requests).toHaveLength(2);
  });

  it("refuses an endpoint on a private address without sending, and never opens the metadata service", async () => {
    await saveWebhookEndpoint(db, { id: "producer", url: "http://10.20.30.40/hooks", secret: newWebhookSecret() });
    const privateOne = await enqueueEvent();
    await dispatcher().runOnce();
    expect(await message(privateOne.id)).toMatchObject({
      status: "dead",
      lastError: expect.stringContaining("private"),
    });
    expect((await attempts(privateOne.id))[0]).toMatchObject({ outcome: "refused", statusCode: null });

    await saveWebhookEndpoint(db, { id: "producer", url: "http://169.254.169.254/latest", secret: newWebhookSecret() });
    const metadata = await enqueueEvent();
    const permissive = webhookTransport({ db, allowPrivate: true });
    await dispatcher({ transports: { webhook: permissive } }).runOnce();
    expect(await message(metadata.id)).toMatchObject({
      status: "dead",
      lastError: expect.stringContaining("metadata"),
    });
  });

  it("refuses an endpoint on this machine, however its address is spelled, without connecting, unless allowed", async () => {
    let connections = 0;
    const server = createServer((_request, response) => response.writeHead(200).end());
    server.on("connection", () => connections++);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const strict = webhookTransport({ db });
      for (const host of ["127.0.0.1", "[::ffff:127.0.0.1]", "[64:ff9b::7f00:1]", "[2002:7f00:1::1]", "localhost"]) {
        await saveWebhookEndpoint(db, {
          id: "producer",
          url: `http://${host}:${port}/hooks`,
          secret: newWebhookSecret(),
        });
        const refused = await enqueueEvent();
        await dispatcher({ transports: { webhook: strict } }).runOnce();
        expect(await message(refused.id)).toMatchObject({
          status: "dead",
          lastError: expect.stringContaining("a loopback address. Set OUTBOUND_ALLOW_LOOPBACK=true"),
        });
        expect((await attempts(refused.id))[0]).toMatchObject({ outcome: "refused", statusCode: null });
      }
      expect(connections).toBe(0);

      await saveWebhookEndpoint(db, {
        id: "producer",
        url: `http://127.0.0.1:${port}/hooks`,
        secret: newWebhookSecret(),
      });
      const allowed = await enqueueEvent();
      await dispatcher({ transports: { webhook: webhookTransport({ db, allowLoopback: true }) } }).runOnce();
      expect(await message(allowed.id)).toMatchObject({ status: "delivered", lastStatus: 200 });
      expect(connections).toBe(1);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("keeps a receiver that knows only the old secret working during a rotation, and not after it", async () => {
    const oldSecret = newWebhookSecret();
    const newSecret = newWebhookSecret();
    const received: string[] = [];
    const server = await receiver(async (request) => {
      const answer = await receiveWebhook({
        secrets: [oldSecret],
        headers: request.headers,
        rawBody: request.body,
        apply: async (event) => {
          received.push(event.id);
          return { acknowledge: { received: true } };
        },
      });
      return { status: answer.status, body: JSON.stringify(answer.body) };
    });
    const url = `${server.url}/hooks`;
    await saveWebhookEndpoint(db, { id: "producer", url, secret: oldSecret });
    await saveWebhookEndpoint(db, { id: "producer", url, secret: newSecret, rotationOverlapMs: 60 * 60_000 });
    expect(await endpoint()).toMatchObject({ secret: newSecret, previousSecret: oldSecret });
    const running = dispatcher();

    const during = await enqueueEvent();
    await running.runOnce();
    expect(await message(during.id)).toMatchObject({ status: "delivered", lastStatus: 200 });
    expect(String(server.requests[0].headers["webhook-signature"]).split(" ")).toHaveLength(2);

    await db.update(webhookEndpoint).set({ previousSecretExpiresAt: sql`now() - interval '1 second'` });
    const after = await enqueueEvent();
    await running.runOnce();
    expect(await message(after.id)).toMatchObject({ status: "pending", lastStatus: 401 });
    expect(String(server.requests[1].headers["webhook-signature"]).split(" ")).toHaveLength(1);
    expect(received).toEqual([during.eventId]);
  });

  it("gives up on a receiver that does not answer in time and logs the timeout", async () => {
    const server = await receiver(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return { status: 200 };
    });
    await saveWebhookEndpoint(db, { id: "producer", url: `${server.url}/hooks`, secret: newWebhookSecret() });
    const { id } = await enqueueEvent();
    await dispatcher({
      transports: { webhook: webhookTransport({ db, allowLoopback: true, timeoutMs: 200 }) },
    }).runOnce();

    const [attempt] = await attempts(id);
    expect(attempt).toMatchObject({ outcome: "failed", statusCode: null, error: "No answer within 0.2 s." });
    expect(attempt.latencyMs).toBeGreaterThanOrEqual(190);
    expect(attempt.latencyMs).toBeLessThan(1000);
    expect(await message(id)).toMatchObject({ status: "pending", attempts: 1 });
  });

  describe("abandons an attempt at its timeout while garbage collection runs, and retries it on schedule", () => {
    // A receiver one second late, one that never answers, one that sends its headers and then nothing more.
    const late = () => new Promise<Answer>((resolve) => setTimeout(() => resolve({ status: 200 }), 2000));
    const never = () => new Promise<Answer>(() => {});
    it.each([
      ["answers a second after the timeout", late],
      ["never answers", never],
    ])("a receiver that %s", async (_name, respond) => {
      const server = await receiver(respond);
      await saveWebhookEndpoint(db, { id: "producer", url: `${server.url}/hooks`, secret: newWebhookSecret() });
      const { id } = await enqueueEvent();
      const stopCollecting = keepCollectingGarbage();
      try {
        const transport = webhookTransport({ db, allowLoopback: true, timeoutMs: 1000 });
        await dispatcher({ transports: { webhook: transport }, leaseMs: 10_000, scheduleScale: 1 }).runOnce();
      } finally {
        stopCollecting();
      }

      const [attempt] = await attempts(id);
      expect(attempt).toMatchObject({ outcome: "failed", statusCode: null, error: "No answer within 1 s." });
      expect(attempt.latencyMs).toBeGreaterThanOrEqual(990);
      expect(attempt.latencyMs).toBeLessThan(1500);
      const retried = await message(id);
      expect(retried).toMatchObject({ status: "pending", attempts: 1, lastError: "No answer within 1 s." });
      // The second attempt of the default schedule: 5 s ± 20 %.
      expect(retried.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(3000);
    });

    it("a receiver that sends its headers and then never the rest of its body", async () => {
      const server = createServer((_request, response) => {
        response.writeHead(200, { "content-type": "text/plain" });
        response.write("thanks, and");
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const { port } = server.address() as AddressInfo;
      await saveWebhookEndpoint(db, {
        id: "producer",
        url: `http://127.0.0.1:${port}/hooks`,
        secret: newWebhookSecret(),
      });
      const { id } = await enqueueEvent();
      const stopCollecting = keepCollectingGarbage();
      try {
        const transport = webhookTransport({ db, allowLoopback: true, timeoutMs: 1000 });
        await dispatcher({ transports: { webhook: transport }, leaseMs: 10_000 }).runOnce();
      } finally {
        stopCollecting();
        server.closeAllConnections();
        server.close();
      }

      const [attempt] = await attempts(id);
      expect(attempt).toMatchObject({ outcome: "failed", error: "No answer within 1 s." });
      expect(attempt.latencyMs).toBeGreaterThanOrEqual(990);
      expect(attempt.latencyMs).toBeLessThan(1500);
      expect(await message(id)).toMatchObject({ status: "pending", attempts: 1 });
    });
  });

  it("never writes the signing secret into the delivery log, even when the receiver echoes it", async () => {
    const secret = newWebhookSecret();
    const server = await receiver(() => ({ status: 500, body: `bad secret ${secret}?` }));
    await saveWebhookEndpoint(db, { id: "producer", url: `${server.url}/hooks`, secret });
    const { id } = await enqueueEvent();
    await dispatcher().runOnce();

    const [attempt] = await attempts(id);
    expect(attempt.responseExcerpt).toBe("bad secret [redacted]?");
    expect(JSON.stringify(await message(id))).not.toContain(secret);
  });
});
