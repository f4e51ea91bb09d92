import { type OpenTestDatabase, openTestDatabase } from "@lotbridge/db/testing/open-test-database";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { enqueueMessage } from "./enqueue-message";
import { outboxHealth } from "./outbox-health";
import { outboxMessage } from "./tables";

let database: OpenTestDatabase;
beforeAll(async () => {
  database = await openTestDatabase("webhooks");
});
afterAll(() => database.close());

it("counts what waits, how old the oldest waiting message is, and what was given up; delivered ones not at all", async () => {
  const { db } = database;
  const before = await outboxHealth(db);
  const stuck = await enqueueMessage(db, { kind: "webhook", destination: "nowhere", payload: {} });
  const given = await enqueueMessage(db, { kind: "email", destination: "mailbox", payload: {} });
  const sent = await enqueueMessage(db, { kind: "api-call", destination: "buyer-portal", payload: {} });
  await db
    .update(outboxMessage)
    .set({ createdAt: new Date(Date.now() - 3_600_000), nextAttemptAt: new Date(Date.now() + 3_600_000) })
    .where(eq(outboxMessage.id, stuck));
  await db.update(outboxMessage).set({ status: "dead" }).where(eq(outboxMessage.id, given));
  await db.update(outboxMessage).set({ status: "delivered" }).where(eq(outboxMessage.id, sent));

  const after = await outboxHealth(db);
  expect(after.waiting).toBe(before.waiting + 1);
  expect(after.dead).toBe(before.dead + 1);
  expect(after.oldestWaitingSeconds).toBeGreaterThanOrEqual(3600);
  expect(after.oldestWaitingSeconds).toBeLessThan(3700);

  await db.delete(outboxMessage);
  expect(await outboxHealth(db)).toEqual({ waiting: 0, oldestWaitingSeconds: null, dead: 0 });
});
