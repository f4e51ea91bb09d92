import type { Database } from "@lotbridge/db/database";
import { openTestDatabase, type OpenTestDatabase as TestDatabase } from "@lotbridge/db/testing/open-test-database";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { claimMessages } from "./claim-messages";
import { createDispatcher } from "./create-dispatcher";
import { enqueueMessage } from "./enqueue-message";
import { recordDeliveries } from "./record-deliveries";
import type { AttemptReport } from "./record-outcome";
import { deliveryAttempt, inboxMessage, type OutboxMessage, outboxMessage, webhookEndpoint } from "./tables";
import type { Transport } from "./transport";

let database: TestDatabase;
let db: Database;

beforeAll(async () => {
  database = await openTestDatabase("webhooks");
  db = database.db;
});
afterAll(() => database.close());
beforeEach(async () => {
  for (const table of [deliveryAttempt, outboxMessage, webhookEndpoint, inboxMessage]) await db.delete(table);
});

const plan = { schedule: [0, 1000, 1000], scale: 1 };

async function enqueue(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 0; n < count; n++)
    ids.push(await enqueueMessage(db, { kind: "mail", destination: "x", payload: { n } }));
  return ids;
}

async function claimAll(): Promise<OutboxMessage[]> {
  return claimMessages(db, { kinds: ["mail"], limit: 100, leaseMs: 60_000 });
}

const delivered = (message: OutboxMessage, status = 200): AttemptReport => ({
  message,
  result: { outcome: "delivered", status },
  startedAt: new Date(),
  latencyMs: 3,
});

async function row(id: string): Promise<OutboxMessage> {
  const [found] = await db.select().from(outboxMessage).where(eq(outboxMessage.id, id));
  return found;
}

function attemptsOf(ids: string[]) {
  return db
    .select()
    .from(deliveryAttempt)
    .where(inArray(deliveryAttempt.messageId, ids))
    .orderBy(asc(deliveryAttempt.messageId), asc(deliveryAttempt.attemptNumber));
}

describe("recordDeliveries", () => {
  it("moves on only the messages each attempt still holds, logs every attempt, and runs the hook for those it moved", async () => {
    const [a, b, c] = await enqueue(3);
    const claimed = await claimAll();
    // b's lease runs out and another dispatcher claims it again: attempt 2 holds it now.
    await db.update(outboxMessage).set({ leaseUntil: sql`now() - interval '1 second'` }).where(eq(outboxMessage.id, b));
    const [retaken] = await claimAll();
    expect(retaken).toMatchObject({ id: b, attempts: 2 });
    const hooked: string[] = [];

    const byId = new Map(claimed.map((message) => [message.id, message]));
    const outcomes = await recordDeliveries(
      db,
      [a, b, c].map((id, n) => delivered(byId.get(id) as OutboxMessage, 200 + n)),
      plan,
      { onDelivered: async (_tx, message) => void hooked.push(message.id) },
    );

    expect(outcomes.map((outcome) => outcome?.status)).toEqual(["delivered", undefined, "delivered"]);
    expect(await row(a)).toMatchObject({ status: "delivered", attempts: 1, lastStatus: 200, leaseUntil: null });
    expect(await row(c)).toMatchObject({ status: "delivered", attempts: 1, lastStatus: 202, leaseUntil: null });
    expect((await row(a)).deliveredAt).toBeInstanceOf(Date);
    // The newer holder decides b's fate; its lease stands.
    expect(await row(b)).toMatchObject({ status: "pending", attempts: 2, deliveredAt: null });
    expect((await row(b)).leaseUntil).toBeInstanceOf(Date);
    expect(hooked.sort()).toEqual([a, c].sort());
    expect((await attemptsOf([a, b, c])).map((attempt) => [attempt.messageId, attempt.attemptNumber])).toEqual(
      [a, b, c].sort().map((id) => [id, 1]),
    );
  });

  it("undoes only the writes of a hook that throws, and counts that message's attempt as failed, due again", async () => {
    const [a, b, c] = await enqueue(3);
    const claimed = await claimAll();

    const outcomes = await recordDeliveries(
      db,
      claimed.map((message) => delivered(message)),
      plan,
      {
        onDelivered: async (tx, message) => {
          await tx.insert(inboxMessage).values({ webhookId: `answer-of-${message.id}`, eventType: "answer" });
          if (message.id === b) throw new Error("could not store the answer");
        },
      },
    );

    expect(outcomes.map((outcome) => outcome?.status)).toEqual(
      claimed.map((m) => (m.id === b ? "pending" : "delivered")),
    );
    expect(await row(b)).toMatchObject({ status: "pending", deliveredAt: null });
    expect((await row(b)).lastError).toContain("could not store the answer");
    const answers = await db.select({ id: inboxMessage.webhookId }).from(inboxMessage);
    expect(answers.map((answer) => answer.id).sort()).toEqual([`answer-of-${a}`, `answer-of-${c}`].sort());
    const log = await attemptsOf([a, b, c]);
    expect(log.map((attempt) => [attempt.messageId, attempt.outcome])).toEqual(
      [a, b, c].sort().map((id) => [id, id === b ? "failed" : "delivered"]),
    );
  });

  it("writes nothing when the batch cannot be written", async () => {
    const [a] = await enqueue(1);
    const [claimed] = await claimAll();
    const ghost = { ...claimed, id: "msg_never_written" };

    await expect(recordDeliveries(db, [delivered(claimed), delivered(ghost)], plan, {})).rejects.toThrow();
    expect(await row(a)).toMatchObject({ status: "pending", attempts: 1 });
    expect(await attemptsOf([a])).toEqual([]);
  });
});

describe("the dispatcher's batches of deliveries", () => {
  it("records each message on its own when the batch it is in cannot be written, so the others are delivered", async () => {
    const ids = await enqueue(12);
    const [victim] = ids.slice(-1);
    let release: () => void = () => {};
    const allStarted = new Promise<void>((resolve) => (release = resolve));
    let started = 0;
    // Every send finishes at once, so that all but the first land in one batch; the victim's row is gone by then.
    const barrier: Transport = {
      async send(message) {
        started += 1;
        if (started === ids.length) release();
        await allStarted;
        if (message.id === victim) {
          await db.delete(outboxMessage).where(eq(outboxMessage.id, victim));
          await Promise.resolve();
        }
        return { outcome: "delivered", status: 200 };
      },
    };
    const errors: unknown[] = [];
    const dispatcher = createDispatcher({
      db,
      databaseUrl: database.databaseUrl,
      transports: { mail: barrier },
      concurrency: ids.length,
      onError: (error) => errors.push(error),
    });

    expect(await dispatcher.runOnce()).toBe(ids.length);
    const others = ids.filter((id) => id !== victim);
    for (const id of others) expect(await row(id)).toMatchObject({ status: "delivered", attempts: 1 });
    expect((await attemptsOf(others)).map((attempt) => attempt.outcome)).toEqual(others.map(() => "delivered"));
    expect(errors.length).toBeGreaterThan(0);
  });

  it("retries a failed send alone while the deliveries around it are recorded together", async () => {
    const ids = await enqueue(10);
    const [failing] = ids;
    let failures = 0;
    const flaky: Transport = {
      async send(message) {
        if (message.id === failing && failures++ === 0) return { outcome: "retry", status: 500, error: "boom" };
        return { outcome: "delivered", status: 200 };
      },
    };
    const dispatcher = createDispatcher({
      db,
      databaseUrl: database.databaseUrl,
      transports: { mail: flaky },
      schedule: [0, 0],
      concurrency: 10,
    });

    expect(await dispatcher.runOnce()).toBe(10);
    expect(await row(failing)).toMatchObject({ status: "pending", attempts: 1, lastStatus: 500, lastError: "boom" });
    expect(await dispatcher.runOnce()).toBe(1);
    for (const id of ids) expect((await row(id)).status).toBe("delivered");
    const log = await attemptsOf(ids);
    expect(log.filter((attempt) => attempt.messageId === failing).map((attempt) => attempt.outcome)).toEqual([
      "failed",
      "delivered",
    ]);
    expect(log.filter((attempt) => attempt.messageId !== failing)).toHaveLength(9);
  });
});
