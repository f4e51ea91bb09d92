import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { grantOperator } from "@lotbridge/auth/grant-operator";
import { operatorGrant } from "@lotbridge/auth/operator-grant-table";
import { freePort } from "@lotbridge/db/free-port";
import { notification } from "@lotbridge/notifications/tables";
import { createDispatcher } from "@lotbridge/webhooks/create-dispatcher";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { webhookTransport } from "@lotbridge/webhooks/webhook-transport";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { portal } from "@/server/portal";
import { sendPing } from "./answer-ping";
import { notifyDeliveryFailure } from "./notify-delivery-failure";
import { configureProducerEndpoint } from "./producer-endpoint";

it("tells the portal's operators, and not the organizations' admins, when a message is given up after every retry", async () => {
  const { db } = portal();
  const mill = await createOrganizationWithUsers(db, { name: "Mill", slug: "mill" }, [
    { name: "Ada", email: "ada@mill.example", password: "correct-horse-battery", role: "admin" },
    { name: "Max", email: "max@mill.example", password: "correct-horse-battery", role: "member" },
  ]);
  await grantOperator(db, { email: "max@mill.example", organizationSlug: "mill" }, "test");
  // Nothing listens on this port: every attempt fails.
  await configureProducerEndpoint(
    db,
    `http://127.0.0.1:${await freePort()}/api/webhooks/buyer`,
    `whsec_${Buffer.from("k".repeat(32)).toString("base64")}`,
  );
  const ping = await sendPing(db, "Ada");
  const dispatcher = createDispatcher({
    db,
    databaseUrl: process.env.DATABASE_URL ?? "",
    transports: { webhook: webhookTransport({ db, allowLoopback: true }) },
    scheduleScale: 0.00002, // the whole 28-hour schedule in about 2 s
    onDead: (tx, message, result) => notifyDeliveryFailure(tx, "http://localhost:3000", message, result),
  });
  await dispatcher.start();
  try {
    await expect
      .poll(async () => (await db.select().from(outboxMessage).where(eq(outboxMessage.eventId, ping.id)))[0]?.status, {
        timeout: 20_000,
      })
      .toBe("dead");
  } finally {
    await dispatcher.stop();
  }
  const told = await db.select().from(notification).where(eq(notification.type, "integration.failing"));
  expect(told.map((n) => n.recipientUserId)).toEqual([mill.userIds[1]]);
  expect(told[0]).toMatchObject({ title: "Messages to the producer portal are failing", link: "/integrations" });
  expect(told[0].body).toContain("ping could not be delivered");
});

it("tells nobody when the portal has no operator: an organization's admin cannot act on it", async () => {
  const { db } = portal();
  await db.delete(operatorGrant);
  const [message] = await db.select().from(outboxMessage).limit(1);
  await db.delete(notification).where(eq(notification.type, "integration.failing"));
  await db.transaction((tx) =>
    notifyDeliveryFailure(
      tx,
      "http://localhost:3000",
      { ...message, kind: "webhook", eventType: "lot.published" },
      { outcome: "retry", status: 503, error: "answer 503" },
    ),
  );
  expect(await db.select().from(notification).where(eq(notification.type, "integration.failing"))).toEqual([]);
});
