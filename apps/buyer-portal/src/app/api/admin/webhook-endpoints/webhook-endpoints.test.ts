import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { grantOperator } from "@lotbridge/auth/grant-operator";
import { freePort } from "@lotbridge/db/free-port";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { notification } from "@lotbridge/notifications/tables";
import { createDispatcher } from "@lotbridge/webhooks/create-dispatcher";
import { enqueueMessage } from "@lotbridge/webhooks/enqueue-message";
import { newWebhookSecret } from "@lotbridge/webhooks/new-webhook-secret";
import { saveWebhookEndpoint } from "@lotbridge/webhooks/save-webhook-endpoint";
import { deliveryAttempt, outboxMessage, webhookEndpoint } from "@lotbridge/webhooks/tables";
import { startTestReceiver } from "@lotbridge/webhooks/testing/test-receiver";
import { webhookTransport } from "@lotbridge/webhooks/webhook-transport";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { startEndpointHealthJob } from "@/integration/endpoint-health-job";
import { logger } from "@/server/logger";
import { portal } from "@/server/portal";
import { PASSWORD } from "@/test/lots";
import { POST as auth } from "../../auth/[...all]/route";
import { POST as disable } from "./[id]/disable/route";
import { POST as enable } from "./[id]/enable/route";
import { POST as replay } from "./[id]/replay/route";
import { GET as listEndpoints } from "./route";

const BASE = "http://localhost:3000";
const DAY = 24 * 60 * 60 * 1000;
let operator: string; // Ada, admin of Mill, holds the operator grant
let member: string; // Max, member of Mill
let otherAdmin: string; // Bo, admin of Kiln, no grant
let operatorUserId: string;

beforeAll(async () => {
  const { db } = portal();
  const mill = await createOrganizationWithUsers(db, { name: "Mill", slug: "mill" }, [
    { name: "Ada", email: "ada@mill.example", password: PASSWORD, role: "admin" },
    { name: "Max", email: "max@mill.example", password: PASSWORD, role: "member" },
  ]);
  operatorUserId = mill.userIds[0];
  await createOrganizationWithUsers(db, { name: "Kiln", slug: "kiln" }, [
    { name: "Bo", email: "bo@kiln.example", password: PASSWORD, role: "admin" },
  ]);
  await grantOperator(db, { email: "ada@mill.example", organizationSlug: "mill" }, "test");
  operator = await signIn(auth, BASE, "ada@mill.example", PASSWORD);
  member = await signIn(auth, BASE, "max@mill.example", PASSWORD);
  otherAdmin = await signIn(auth, BASE, "bo@kiln.example", PASSWORD);
});

async function endpoint(id: string, url?: string) {
  const nobodyListens = `http://127.0.0.1:${await freePort()}/hooks`;
  await saveWebhookEndpoint(portal().db, { id, url: url ?? nobodyListens, secret: newWebhookSecret() });
}

async function webhook(destination: string, createdAt?: Date, status?: "dead" | "delivered") {
  const { db } = portal();
  const eventId = `evt_${Math.random().toString(36).slice(2)}`;
  const id = await enqueueMessage(db, { kind: "webhook", destination, eventId, eventType: "lot.updated", payload: {} });
  if (createdAt || status) {
    await db
      .update(outboxMessage)
      .set({ ...(createdAt ? { createdAt } : {}), ...(status ? { status } : {}) })
      .where(eq(outboxMessage.id, id));
  }
  return { id, eventId };
}

const endpointRow = async (id: string) =>
  (await portal().db.select().from(webhookEndpoint).where(eq(webhookEndpoint.id, id)))[0];

const sendDue = () =>
  createDispatcher({
    db: portal().db,
    databaseUrl: "",
    transports: { webhook: webhookTransport({ db: portal().db, allowLoopback: true }) },
  }).runOnce();

describe("webhook endpoints' delivery administration", () => {
  it("is for operators only: members and other organizations' admins get 403, nobody signed in 401, nothing changes", async () => {
    const { db } = portal();
    await endpoint("ep-guarded");
    await webhook("ep-guarded", new Date("2026-02-01T10:00:00Z"), "dead");
    const stored = async () => [
      await db.select().from(webhookEndpoint).orderBy(webhookEndpoint.id),
      await db.select().from(outboxMessage).orderBy(outboxMessage.id),
    ];
    const before = await stored();
    const params = { id: "ep-guarded" };
    const range = { since: "2026-02-01T00:00:00Z", until: "2026-02-02T00:00:00Z" };
    for (const cookie of [member, otherAdmin, undefined]) {
      const answers = [
        await call(listEndpoints, `${BASE}/api/admin/webhook-endpoints`, { cookie }),
        await call(enable, `${BASE}/api/admin/webhook-endpoints/ep-guarded/enable`, { cookie, body: {}, params }),
        await call(disable, `${BASE}/api/admin/webhook-endpoints/ep-guarded/disable`, {
          cookie,
          body: { reason: "mine now" },
          params,
        }),
        await call(replay, `${BASE}/api/admin/webhook-endpoints/ep-guarded/replay`, { cookie, body: range, params }),
      ];
      for (const answer of answers) {
        expect(answer.status).toBe(cookie ? 403 : 401);
        expect(answer.headers.get("content-type")).toBe("application/problem+json");
      }
    }
    expect(await stored()).toEqual(before);
  });

  it("disables with a reason, holds the endpoint's messages, and enables again", async () => {
    await endpoint("ep-switch");
    const disabled = await call(disable, `${BASE}/api/admin/webhook-endpoints/ep-switch/disable`, {
      cookie: operator,
      body: { reason: "Receiver is being moved" },
      params: { id: "ep-switch" },
    });
    expect(disabled.status).toBe(200);
    expect(await disabled.json()).toMatchObject({ id: "ep-switch", enabled: false });
    expect((await endpointRow("ep-switch")).disabledReason).toMatch(/^Disabled by Ada on .*: Receiver is being moved$/);

    const blank = await call(disable, `${BASE}/api/admin/webhook-endpoints/ep-switch/disable`, {
      cookie: operator,
      body: { reason: " " },
      params: { id: "ep-switch" },
    });
    expect(blank.status).toBe(422);
    expect((await blank.json()).errors.map((e: { field: string }) => e.field)).toEqual(["reason"]);

    const enabled = await call(enable, `${BASE}/api/admin/webhook-endpoints/ep-switch/enable`, {
      cookie: operator,
      body: {},
      params: { id: "ep-switch" },
    });
    expect(await enabled.json()).toEqual({ id: "ep-switch", enabled: true, disabledReason: null });
    const unknown = await call(enable, `${BASE}/api/admin/webhook-endpoints/nope/enable`, {
      cookie: operator,
      body: {},
      params: { id: "nope" },
    });
    expect(unknown.status).toBe(404);
  });

  it("replays one endpoint's dead messages of a range, refusing a bad range by field and storing nothing", async () => {
    const { db } = portal();
    await endpoint("ep-replay");
    await endpoint("ep-neighbour");
    const inRange = await webhook("ep-replay", new Date("2026-03-01T10:00:00Z"), "dead");
    const deliveredInRange = await webhook("ep-replay", new Date("2026-03-01T11:00:00Z"), "delivered");
    const outside = await webhook("ep-replay", new Date("2026-03-02T10:00:00Z"), "dead");
    const neighbour = await webhook("ep-neighbour", new Date("2026-03-01T10:00:00Z"), "dead");
    const statusOf = async (id: string) =>
      (await db.select().from(outboxMessage).where(eq(outboxMessage.id, id)))[0].status;
    const ask = (body: unknown, id = "ep-replay") =>
      call(replay, `${BASE}/api/admin/webhook-endpoints/${id}/replay`, { cookie: operator, body, params: { id } });

    const refusals: [unknown, string[]][] = [
      [{ since: "2026-03-02T00:00:00Z", until: "2026-03-01T00:00:00Z" }, ["until"]],
      [{ since: "yesterday", until: "2026-03-01T00:00:00Z" }, ["since"]],
      [{ since: "2026-03-01T00:00:00Z" }, ["until"]],
      [{ since: "2026-03-01T00:00:00Z", until: "2026-03-02T00:00:00Z", includeDelivered: "yes" }, ["includeDelivered"]],
    ];
    for (const [body, fields] of refusals) {
      const refused = await ask(body);
      expect(refused.status).toBe(422);
      expect((await refused.json()).errors.map((e: { field: string }) => e.field)).toEqual(fields);
    }
    for (const id of [inRange.id, outside.id, neighbour.id]) expect(await statusOf(id)).toBe("dead");
    expect((await ask({ since: "2026-03-01T00:00:00Z", until: "2026-03-02T00:00:00Z" }, "ep-missing")).status).toBe(
      404,
    );

    const answered = await ask({ since: "2026-03-01T00:00:00Z", until: "2026-03-02T00:00:00Z" });
    expect(answered.status).toBe(200);
    expect(await answered.json()).toEqual({ endpointId: "ep-replay", replayed: 1 });
    expect(await statusOf(inRange.id)).toBe("pending");
    expect(await statusOf(deliveredInRange.id)).toBe("delivered");
    expect(await statusOf(outside.id)).toBe("dead");
    expect(await statusOf(neighbour.id)).toBe("dead");

    const withDelivered = await ask({
      since: "2026-03-01T00:00:00+01:00",
      until: "2026-03-02T00:00:00Z",
      includeDelivered: true,
    });
    expect(await withDelivered.json()).toEqual({ endpointId: "ep-replay", replayed: 1 });
    expect(await statusOf(deliveredInRange.id)).toBe("pending");
    const [again] = await db.select().from(outboxMessage).where(eq(outboxMessage.id, deliveredInRange.id));
    expect(again.eventId).toBe(deliveredInRange.eventId);
  });

  it("disables an endpoint failing for 5 days, tells the operators once, and sends its held messages after re-enabling", async () => {
    const { db } = portal();
    await endpoint("ep-failing");
    const held = await webhook("ep-failing");
    await sendDue(); // nothing listens: the attempt fails and starts the clock
    expect((await endpointRow("ep-failing")).failingSince).toBeInstanceOf(Date);
    const health = await (
      await call(listEndpoints, `${BASE}/api/admin/webhook-endpoints`, { cookie: operator })
    ).json();
    expect(health.data.find((e: { id: string }) => e.id === "ep-failing")).toMatchObject({
      enabled: true,
      failedLast24h: 1,
      pending: 1,
      dead: 0,
      lastDeliveredAt: null,
      failingSince: expect.any(String),
    });

    // Five days later (the clock moved back instead of forward).
    await db
      .update(webhookEndpoint)
      .set({ failingSince: new Date(Date.now() - 5 * DAY - 60_000) })
      .where(eq(webhookEndpoint.id, "ep-failing"));
    for (let run = 0; run < 2; run++) {
      const job = startEndpointHealthJob({ db, publicUrl: BASE, logger, intervalMs: 3_600_000 });
      await job.stop();
    }
    const disabled = await endpointRow("ep-failing");
    expect(disabled.enabled).toBe(false);
    expect(disabled.disabledReason).toContain("Disabled automatically");

    const told = await db.select().from(notification).where(eq(notification.type, "integration.endpoint-disabled"));
    expect(told.map((n) => n.recipientUserId)).toEqual([operatorUserId]);
    expect(told[0]).toMatchObject({ title: "A webhook endpoint was disabled", link: "/integrations" });
    const mail = await db
      .select()
      .from(outboxMessage)
      .where(and(eq(outboxMessage.kind, "email"), eq(outboxMessage.eventType, "integration.endpoint-disabled")));
    expect(mail).toHaveLength(1);

    // Held, not lost: not sent while disabled, attempts untouched.
    await db.update(outboxMessage).set({ nextAttemptAt: new Date() }).where(eq(outboxMessage.id, held.id));
    await sendDue();
    const [waiting] = await db.select().from(outboxMessage).where(eq(outboxMessage.id, held.id));
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });

    // The receiver is fixed; the operator enables the endpoint; the held message goes out at once.
    const receiver = await startTestReceiver();
    try {
      await db
        .update(webhookEndpoint)
        .set({ url: `${receiver.url}/hooks` })
        .where(eq(webhookEndpoint.id, "ep-failing"));
      await db
        .update(outboxMessage)
        .set({ nextAttemptAt: new Date(Date.now() + DAY) })
        .where(eq(outboxMessage.id, held.id));
      const enabled = await call(enable, `${BASE}/api/admin/webhook-endpoints/ep-failing/enable`, {
        cookie: operator,
        body: {},
        params: { id: "ep-failing" },
      });
      expect(enabled.status).toBe(200);
      await sendDue();
      expect(receiver.requests.map((r) => r.headers["webhook-id"])).toEqual([held.eventId]);
    } finally {
      await receiver.close();
    }
    const [sent] = await db.select().from(outboxMessage).where(eq(outboxMessage.id, held.id));
    expect(sent.status).toBe("delivered");
    expect(await endpointRow("ep-failing")).toMatchObject({ enabled: true, failingSince: null });
    expect(await db.$count(deliveryAttempt, eq(deliveryAttempt.messageId, held.id))).toBe(2);
  });
});
