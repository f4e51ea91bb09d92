import { openTestDatabase, type OpenTestDatabase as TestDatabase } from "@lotbridge/db/open-test-database";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type ApiCall, apiCallTransport } from "./api-call-transport";
import { createDispatcher, type Dispatcher, type DispatcherOptions } from "./create-dispatcher";
import type { Database } from "./database";
import { enqueueMessage } from "./enqueue-message";
import { keepCollectingGarbage } from "./keep-collecting-garbage";
import { deliveryAttempt, type OutboxMessage, outboxMessage } from "./tables";
import { type Answer, type Responder, startTestReceiver, type TestReceiver } from "./test-receiver";
import type { SendResult } from "./transport";

let database: TestDatabase;
let db: Database;
const dispatchers: Dispatcher[] = [];
const receivers: TestReceiver[] = [];
const apiKey = "lbk_live_9f8e7d6c5b4a";

beforeAll(async () => {
  database = await openTestDatabase("webhooks");
  db = database.db;
});
afterAll(() => database.close());
beforeEach(async () => {
  for (const table of [deliveryAttempt, outboxMessage]) await db.delete(table);
});
afterEach(async () => {
  await Promise.all(dispatchers.splice(0).map((dispatcher) => dispatcher.stop()));
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

async function buyerApi(respond: Responder) {
  const started = await startTestReceiver(respond);
  receivers.push(started);
  return started;
}

function dispatcher(baseUrl: string, options: Partial<DispatcherOptions> = {}) {
  const created = createDispatcher({
    db,
    databaseUrl: database.databaseUrl,
    // The stand-in API listens on 127.0.0.1.
    transports: { "api-call": apiCallTransport({ baseUrl, apiKey, allowLoopback: true }) },
    scheduleScale: 0.001,
    pollIntervalMs: 20,
    ...options,
  });
  dispatchers.push(created);
  return created;
}

function enqueueCall(call: ApiCall) {
  return db.transaction((tx) => enqueueMessage(tx, { kind: "api-call", destination: "buyer-portal", payload: call }));
}

async function message(id: string): Promise<OutboxMessage> {
  const [row] = await db.select().from(outboxMessage).where(eq(outboxMessage.id, id));
  return row;
}

const json = (status: number, body: unknown, type = "application/json") => ({
  status,
  headers: { "content-type": type },
  body: JSON.stringify(body),
});

describe("apiCallTransport", () => {
  it("calls with the API key and the message id as Idempotency-Key, and hands the JSON answer to onDelivered", async () => {
    const api = await buyerApi(() => json(201, { id: "bid_42", status: "submitted" }));
    const answers: SendResult[] = [];
    const running = dispatcher(`${api.url}/`, { onDelivered: async (_tx, _m, result) => void answers.push(result) });
    const id = await enqueueCall({ method: "POST", path: "/api/bids", body: { lotId: "lot_1", volume: "10.000" } });

    await running.runOnce();
    expect(api.requests).toHaveLength(1);
    const [request] = api.requests;
    expect(request).toMatchObject({ method: "POST", path: "/api/bids" });
    expect(request.headers).toMatchObject({ "x-api-key": apiKey, "idempotency-key": id });
    expect(JSON.parse(request.body)).toEqual({ lotId: "lot_1", volume: "10.000" });
    expect(answers).toEqual([
      expect.objectContaining({ outcome: "delivered", status: 201, body: { id: "bid_42", status: "submitted" } }),
    ]);
    expect(await message(id)).toMatchObject({ status: "delivered", lastStatus: 201 });
  });

  it("sends the call's own headers, which can never replace the API key or the Idempotency-Key", async () => {
    const api = await buyerApi(() => json(200, {}));
    const running = dispatcher(api.url);
    const id = await enqueueCall({
      method: "POST",
      path: "/api/bids/bid_1/withdraw",
      headers: { "X-Producer-Organization": "org_1", "X-API-Key": "forged", "Idempotency-Key": "forged" },
    });
    await running.runOnce();
    expect(api.requests[0].headers).toMatchObject({
      "x-producer-organization": "org_1",
      "x-api-key": apiKey,
      "idempotency-key": id,
    });
  });

  it("retries a 503 with the same Idempotency-Key, chosen by the caller if it gave one", async () => {
    const api = await buyerApi((_request, index) => (index === 0 ? { status: 503 } : json(200, { id: "bid_42" })));
    await dispatcher(api.url).start();
    const id = await enqueueCall({ method: "POST", path: "/api/bids", body: {}, idempotencyKey: "bid_local_7" });

    await vi.waitFor(async () => expect((await message(id)).status).toBe("delivered"), { interval: 10 });
    expect(api.requests.map((r) => r.headers["idempotency-key"])).toEqual(["bid_local_7", "bid_local_7"]);
  });

  it("retries a 401 (a key the other side does not take) until the operator fixes it, then delivers", async () => {
    const api = await buyerApi((_request, index) =>
      index < 2 ? json(401, { title: "Unauthenticated", status: 401 }, "application/problem+json") : json(201, {}),
    );
    await dispatcher(api.url).start();
    const id = await enqueueCall({ method: "POST", path: "/api/bids", body: {} });

    await vi.waitFor(async () => expect((await message(id)).status).toBe("delivered"), { interval: 10 });
    expect(api.requests).toHaveLength(3);
  });

  it("treats a 422 as a refusal: no retry, and the problem reaches onRefused", async () => {
    const problem = {
      type: "urn:lotbridge:problem:lot-closed",
      title: "Conflict",
      status: 422,
      detail: "The lot is closed.",
    };
    const api = await buyerApi((request) =>
      request.path === "/api/bids" ? json(422, problem, "application/problem+json") : json(200, {}),
    );
    const refusals: SendResult[] = [];
    const running = dispatcher(api.url, { onRefused: async (_tx, _m, result) => void refusals.push(result) });
    await running.start();
    const id = await enqueueCall({ method: "POST", path: "/api/bids", body: {} });

    await vi.waitFor(async () => expect((await message(id)).status).toBe("dead"), { interval: 10 });
    // A later call is delivered only by a claim made after the refusal was recorded; a claim that took the refused
    // call again would take it first, as it is due sooner. Stopping waits for whatever that claim sent.
    const later = await enqueueCall({ method: "POST", path: "/api/later", body: {} });
    await vi.waitFor(async () => expect((await message(later)).status).toBe("delivered"), { interval: 10 });
    await running.stop();

    expect(api.requests.map((r) => r.path)).toEqual(["/api/bids", "/api/later"]);
    expect(refusals).toEqual([expect.objectContaining({ outcome: "refused", status: 422, body: problem })]);
    const log = await db.select().from(deliveryAttempt).where(eq(deliveryAttempt.messageId, id));
    expect(log).toEqual([
      expect.objectContaining({ outcome: "refused", statusCode: 422, responseExcerpt: JSON.stringify(problem) }),
    ]);
    expect(await message(id)).toMatchObject({ status: "dead", attempts: 1 });
  });

  describe("abandons a call at its timeout while garbage collection runs, and retries it on schedule", () => {
    const late = () => new Promise<Answer>((resolve) => setTimeout(() => resolve(json(201, {})), 2000));
    const never = () => new Promise<Answer>(() => {});
    it.each([
      ["answers a second after the timeout", late],
      ["never answers", never],
    ])("an API that %s", async (_name, respond) => {
      const api = await buyerApi(respond);
      const id = await enqueueCall({ method: "POST", path: "/api/bids", body: {} });
      const stopCollecting = keepCollectingGarbage();
      try {
        const transport = apiCallTransport({ baseUrl: api.url, apiKey, allowLoopback: true, timeoutMs: 1000 });
        await dispatcher(api.url, {
          transports: { "api-call": transport },
          leaseMs: 10_000,
          scheduleScale: 1,
        }).runOnce();
      } finally {
        stopCollecting();
      }

      const [attempt] = await db.select().from(deliveryAttempt).where(eq(deliveryAttempt.messageId, id));
      expect(attempt).toMatchObject({ outcome: "failed", statusCode: null, error: "No answer within 1 s." });
      expect(attempt.latencyMs).toBeGreaterThanOrEqual(990);
      expect(attempt.latencyMs).toBeLessThan(1500);
      const retried = await message(id);
      expect(retried).toMatchObject({ status: "pending", attempts: 1, lastError: "No answer within 1 s." });
      // The second attempt of the default schedule: 5 s ± 20 %.
      expect(retried.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(3000);
    });
  });

  it("keeps the API key out of the delivery log, even when the other side echoes it", async () => {
    const api = await buyerApi((request) => ({ status: 500, body: `unknown key ${request.headers["x-api-key"]}` }));
    const id = await enqueueCall({ method: "POST", path: "/api/bids", body: {} });
    await dispatcher(api.url).runOnce();

    const log = await db.select().from(deliveryAttempt).where(eq(deliveryAttempt.messageId, id));
    expect(log[0]).toMatchObject({ outcome: "failed", statusCode: 500, responseExcerpt: "unknown key [redacted]" });
    expect(JSON.stringify([log, await message(id)])).not.toContain(apiKey);
  });

  it("refuses a base URL on a private network without calling it", async () => {
    const id = await enqueueCall({ method: "POST", path: "/api/bids", body: {} });
    await dispatcher("http://192.168.1.20:3000").runOnce();
    expect(await message(id)).toMatchObject({ status: "dead", lastError: expect.stringContaining("private address") });
  });

  it("refuses a payload that is not an API call", async () => {
    const id = await db.transaction((tx) =>
      enqueueMessage(tx, { kind: "api-call", destination: "buyer-portal", payload: { path: "api/bids" } }),
    );
    await dispatcher("http://127.0.0.1:9").runOnce();
    expect(await message(id)).toMatchObject({ status: "dead", lastError: expect.stringContaining("not an API call") });
  });
});
