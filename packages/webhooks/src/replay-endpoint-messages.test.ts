import type { Database } from "@lotbridge/db/database";
import { openTestDatabase, type OpenTestDatabase as TestDatabase } from "@lotbridge/db/testing/open-test-database";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueMessage } from "./enqueue-message";
import { listMessages } from "./list-messages";
import { replayEndpointMessages } from "./replay-endpoint-messages";
import { type OutboxStatus, outboxMessage } from "./tables";

let database: TestDatabase;
let db: Database;

beforeAll(async () => {
  database = await openTestDatabase("webhooks");
  db = database.db;
});
afterAll(() => database.close());

/** A webhook to `destination` created at `createdAt`, already in `status`. */
async function message(destination: string, createdAt: string, status: OutboxStatus, eventId = `evt_${createdAt}`) {
  const id = await enqueueMessage(db, { kind: "webhook", destination, eventId, eventType: "lot.updated", payload: {} });
  await db
    .update(outboxMessage)
    .set({
      createdAt: new Date(createdAt),
      status,
      attempts: 8,
      deliveredAt: status === "delivered" ? new Date() : null,
    })
    .where(eq(outboxMessage.id, id));
  return id;
}

const stateOf = async (id: string) => (await db.select().from(outboxMessage).where(eq(outboxMessage.id, id)))[0];

describe("replayEndpointMessages", () => {
  it("queues again the dead messages to one endpoint created in the range, keeping their event ids", async () => {
    const before = await message("a", "2026-03-01T08:59:59Z", "dead");
    const first = await message("a", "2026-03-01T09:00:00Z", "dead");
    const delivered = await message("a", "2026-03-01T10:00:00Z", "delivered");
    const cancelled = await message("a", "2026-03-01T10:30:00Z", "cancelled");
    const other = await message("b", "2026-03-01T11:00:00Z", "dead");
    const email = await enqueueMessage(db, { kind: "email", destination: "a", payload: {} });
    await db
      .update(outboxMessage)
      .set({ status: "dead", createdAt: new Date("2026-03-01T11:00:00Z") })
      .where(eq(outboxMessage.id, email));
    const last = await message("a", "2026-03-01T11:59:59Z", "dead");
    const after = await message("a", "2026-03-01T12:00:00Z", "dead");

    const range = { since: new Date("2026-03-01T09:00:00Z"), until: new Date("2026-03-01T12:00:00Z") };
    expect(await replayEndpointMessages(db, "a", range)).toBe(2);
    for (const id of [first, last]) {
      expect(await stateOf(id)).toMatchObject({ status: "pending", attempts: 0, deliveredAt: null });
    }
    expect((await stateOf(first)).eventId).toBe("evt_2026-03-01T09:00:00Z");
    for (const id of [before, other, email, after]) expect((await stateOf(id)).status).toBe("dead");
    expect((await stateOf(delivered)).status).toBe("delivered");
    expect((await stateOf(cancelled)).status).toBe("cancelled");

    // Delivered ones too, when asked; pending ones are on their way and are not counted again.
    expect(await replayEndpointMessages(db, "a", { ...range, includeDelivered: true })).toBe(1);
    expect(await stateOf(delivered)).toMatchObject({ status: "pending", attempts: 0, deliveredAt: null });
    expect((await stateOf(cancelled)).status).toBe("cancelled");
  });

  it("finds nothing in an empty range or for an unknown endpoint", async () => {
    const range = { since: new Date("2020-01-01T00:00:00Z"), until: new Date("2030-01-01T00:00:00Z") };
    expect(await replayEndpointMessages(db, "nobody", range)).toBe(0);
    const since = new Date("2027-01-01T00:00:00Z");
    expect(await replayEndpointMessages(db, "a", { since, until: since })).toBe(0);
  });
});

describe("listMessages by endpoint and event", () => {
  it("filters by destination and finds every copy of one event", async () => {
    await message("x", "2026-04-01T00:00:00Z", "dead", "evt_shared");
    await message("y", "2026-04-01T00:00:01Z", "delivered", "evt_shared");
    await message("y", "2026-04-01T00:00:02Z", "delivered", "evt_other");
    const copies = await listMessages(db, { eventId: "evt_shared" });
    expect(copies.map((m) => m.destination)).toEqual(["y", "x"]);
    const toY = await listMessages(db, { destination: "y" });
    expect(toY.map((m) => m.eventId)).toEqual(["evt_other", "evt_shared"]);
    expect((await listMessages(db, { destination: "y", limit: 1, before: toY[0].id })).map((m) => m.eventId)).toEqual([
      "evt_shared",
    ]);
  });
});
