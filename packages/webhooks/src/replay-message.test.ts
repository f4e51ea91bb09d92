import type { Database } from "@lotbridge/db/database";
import { openTestDatabase, type OpenTestDatabase as TestDatabase } from "@lotbridge/db/testing/open-test-database";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { cancelMessage } from "./cancel-message";
import { createDispatcher } from "./create-dispatcher";
import { enqueueMessage } from "./enqueue-message";
import { listMessages } from "./list-messages";
import { messageAttempts } from "./message-attempts";
import { replayMessage } from "./replay-message";
import { outboxMessage } from "./tables";
import type { SendResult, Transport } from "./transport";

let database: TestDatabase;
let db: Database;
let answer: SendResult["outcome"] = "refused";
const sent: string[] = [];
const mailbox: Transport = {
  send: async (message) => {
    sent.push(message.id);
    return { outcome: answer, error: answer === "refused" ? "No such mailbox." : undefined };
  },
};

beforeAll(async () => {
  database = await openTestDatabase("webhooks");
  db = database.db;
});
afterAll(() => database.close());
afterEach(() => {
  sent.length = 0;
});

const dispatcher = () => createDispatcher({ db, databaseUrl: database.databaseUrl, transports: { email: mailbox } });
const enqueueEmail = (to: string) =>
  db.transaction((tx) => enqueueMessage(tx, { kind: "email", destination: to, payload: { subject: "New bid" } }));

describe("replayMessage", () => {
  it("sends a dead message again with a fresh schedule and keeps its history", async () => {
    answer = "refused";
    const id = await enqueueEmail("buyer@example.test");
    await dispatcher().runOnce();
    expect((await listMessages(db, { status: "dead" })).map((m) => m.id)).toContain(id);

    answer = "delivered";
    const replay = await replayMessage(db, id);
    expect(replay).toMatchObject({ replayed: true, message: { status: "pending", attempts: 0 } });
    await dispatcher().runOnce();

    const [message] = await db.select().from(outboxMessage).where(eq(outboxMessage.id, id));
    expect(message).toMatchObject({ status: "delivered", attempts: 1, lastError: null });
    expect((await messageAttempts(db, id)).map((a) => [a.outcome, a.error])).toEqual([
      ["refused", "No such mailbox."],
      ["delivered", null],
    ]);
  });

  it("leaves a pending message alone and says why", async () => {
    const id = await enqueueEmail("seller@example.test");
    expect(await replayMessage(db, id)).toEqual({ replayed: false, reason: "pending" });
    expect(await replayMessage(db, "msg_missing")).toEqual({ replayed: false, reason: "not-found" });
    expect(await cancelMessage(db, id)).toBe(true);
    await dispatcher().runOnce();
    expect(sent).not.toContain(id);
  });
});

describe("listMessages", () => {
  it("pages newest first and filters by status and kind", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await enqueueEmail(`page-${i}@example.test`));
    const pending = await listMessages(db, { status: "pending", kind: "email", limit: 3 });
    expect(pending.map((m) => m.id)).toEqual(ids.slice(-3).reverse());
    const next = await listMessages(db, { status: "pending", kind: "email", limit: 3, before: pending[2].id });
    expect(next.map((m) => m.id)).toEqual(ids.slice(0, 2).reverse());
    expect(await listMessages(db, { kind: "webhook" })).toEqual([]);
  });
});
