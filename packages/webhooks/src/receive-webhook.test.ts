import { openTestDatabase, type OpenTestDatabase as TestDatabase } from "@lotbridge/db/open-test-database";
import { count } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "./database";
import { enqueueMessage } from "./enqueue-message";
import { newWebhookSecret } from "./new-webhook-secret";
import { type ReceivedWebhook, receiveWebhook } from "./receive-webhook";
import { inboxMessage, outboxMessage } from "./tables";

let database: TestDatabase;
let db: Database;
const secret = newWebhookSecret();

beforeAll(async () => {
  database = await openTestDatabase("webhooks");
  db = database.db;
});
afterAll(() => database.close());
beforeEach(async () => {
  for (const table of [inboxMessage, outboxMessage]) await db.delete(table);
});

function signed(body: string, options: { id?: string; secret?: string; at?: Date } = {}) {
  const id = options.id ?? "evt_1";
  const at = options.at ?? new Date();
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(options.secret ?? secret).sign(id, at, body),
  };
}

const body = JSON.stringify({ id: "evt_1", type: "lot.published", data: { id: "lot_1", version: 1 } });

/** A handler whose effect is an outbox row, so that a test can see whether it committed. */
function recordingHandler() {
  const seen: ReceivedWebhook[] = [];
  const handle = async (tx: Database, event: ReceivedWebhook) => {
    seen.push(event);
    await enqueueMessage(tx, { kind: "test", destination: "effects", payload: { applied: event.id } });
  };
  return { seen, handle };
}

async function stored() {
  const [inbox] = await db.select({ n: count() }).from(inboxMessage);
  const [effects] = await db.select({ n: count() }).from(outboxMessage);
  return { inbox: inbox.n, effects: effects.n };
}

describe("receiveWebhook", () => {
  it("applies a correctly signed event once and records its id", async () => {
    const { seen, handle } = recordingHandler();
    const result = await receiveWebhook({ db, secrets: [secret], headers: signed(body), rawBody: body, handle });
    expect(result).toEqual({ status: 200, body: { received: true } });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ id: "evt_1", type: "lot.published", payload: JSON.parse(body) });
    expect(await stored()).toEqual({ inbox: 1, effects: 1 });
  });

  it("acknowledges a duplicate delivery without applying it again", async () => {
    const { seen, handle } = recordingHandler();
    const first = await receiveWebhook({ db, secrets: [secret], headers: signed(body), rawBody: body, handle });
    const again = await receiveWebhook({ db, secrets: [secret], headers: signed(body), rawBody: body, handle });
    expect(first.status).toBe(200);
    expect(again).toEqual({ status: 200, body: { duplicate: true } });
    expect(seen).toHaveLength(1);
    expect(await stored()).toEqual({ inbox: 1, effects: 1 });
  });

  it.each([
    ["a tampered body", () => ({ headers: signed(body), rawBody: body.replace("lot_1", "lot_2") }), "signature"],
    ["a wrong secret", () => ({ headers: signed(body, { secret: newWebhookSecret() }), rawBody: body }), "signature"],
    [
      "a timestamp 6 minutes old",
      () => ({ headers: signed(body, { at: new Date(Date.now() - 6 * 60_000) }), rawBody: body }),
      "timestamp",
    ],
    ["missing headers", () => ({ headers: { "content-type": "application/json" }, rawBody: body }), "unsigned"],
  ])("refuses %s with 401, runs no handler and stores nothing", async (_case, request, problem) => {
    const { seen, handle } = recordingHandler();
    const result = await receiveWebhook({ db, secrets: [secret], handle, ...request() });
    expect(result.status).toBe(401);
    expect(result.body).toMatchObject({ status: 401, type: expect.stringContaining(problem) });
    expect(seen).toHaveLength(0);
    expect(await stored()).toEqual({ inbox: 0, effects: 0 });
  });

  it("accepts any of several secrets during a rotation", async () => {
    const old = newWebhookSecret();
    const { seen, handle } = recordingHandler();
    const result = await receiveWebhook({
      db,
      secrets: [secret, old],
      headers: signed(body, { secret: old }),
      rawBody: body,
      handle,
    });
    expect(result.status).toBe(200);
    expect(seen).toHaveLength(1);
  });

  it("rolls back the inbox row and the handler's writes when the handler fails, so the retry applies it", async () => {
    const errors: unknown[] = [];
    const failing = async (tx: Database) => {
      await enqueueMessage(tx, { kind: "test", destination: "effects", payload: {} });
      throw new Error("lot store unavailable");
    };
    const failed = await receiveWebhook({
      db,
      secrets: [secret],
      headers: signed(body),
      rawBody: body,
      handle: failing,
      onError: (error) => errors.push(error),
    });
    expect(failed.status).toBe(500);
    expect(failed.body).toMatchObject({ status: 500, type: "urn:lotbridge:problem:webhook-not-applied" });
    expect(JSON.stringify(failed.body)).not.toContain("lot store unavailable");
    expect(errors).toHaveLength(1);
    expect(await stored()).toEqual({ inbox: 0, effects: 0 });

    const { seen, handle } = recordingHandler();
    const retried = await receiveWebhook({ db, secrets: [secret], headers: signed(body), rawBody: body, handle });
    expect(retried).toEqual({ status: 200, body: { received: true } });
    expect(seen).toHaveLength(1);
    expect(await stored()).toEqual({ inbox: 1, effects: 1 });
  });

  it("refuses a signed body that is not a JSON event with 400 and stores nothing", async () => {
    const { seen, handle } = recordingHandler();
    const text = "[1, 2, 3]";
    const result = await receiveWebhook({ db, secrets: [secret], headers: signed(text), rawBody: text, handle });
    expect(result.status).toBe(400);
    expect(seen).toHaveLength(0);
    expect(await stored()).toEqual({ inbox: 0, effects: 0 });
  });
});
