import { healthSchema } from "@lotbridge/contract/health";
import { call } from "@lotbridge/http/test-client";
import { enqueueMessage } from "@lotbridge/webhooks/enqueue-message";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { portal } from "@/server/portal";
import { GET } from "./route";

const health = async () => {
  const response = await call(GET, "http://localhost:3000/api/health");
  expect(response.status).toBe(200);
  return healthSchema.parse(await response.json());
};

it("health reports a reachable database and its version, without a session", async () => {
  const body = await health();
  expect(body).toMatchObject({ status: "ok", service: "buyer-portal", database: { reachable: true } });
  expect(body.database.version).toMatch(/^1[5-9]\./);
});

it("health reports the outbox for monitoring: messages waiting, the age of the oldest, messages given up", async () => {
  const { db } = portal();
  const before = (await health()).outbox!;
  const stuck = await enqueueMessage(db, { kind: "webhook", destination: "nowhere", payload: {} });
  const given = await enqueueMessage(db, { kind: "webhook", destination: "nowhere", payload: {} });
  await db
    .update(outboxMessage)
    .set({ createdAt: new Date(Date.now() - 3_600_000), nextAttemptAt: new Date(Date.now() + 3_600_000) })
    .where(eq(outboxMessage.id, stuck));
  await db.update(outboxMessage).set({ status: "dead" }).where(eq(outboxMessage.id, given));

  const after = (await health()).outbox!;
  expect(after.waiting).toBe(before.waiting + 1);
  expect(after.dead).toBe(before.dead + 1);
  expect(after.oldestWaitingSeconds).toBeGreaterThanOrEqual(3600);
});
