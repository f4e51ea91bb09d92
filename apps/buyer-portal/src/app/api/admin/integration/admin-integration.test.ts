import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { grantOperator, revokeOperator } from "@lotbridge/auth/grant-operator";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { outboxMessage, webhookEndpoint } from "@lotbridge/webhooks/tables";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { sendPing } from "@/integration/answer-ping";
import { apiKeys } from "@/integration/integration-tables";
import { configureProducerEndpoint } from "@/integration/producer-endpoint";
import { portal } from "@/server/portal";
import { producerPlatform } from "@/test/platforms";
import { POST as auth } from "../../auth/[...all]/route";
import { GET as events } from "../../events/route";
import { POST as revoke } from "../api-keys/[id]/revoke/route";
import { POST as rotateKey } from "../api-keys/[id]/rotate/route";
import { POST as issueKey } from "../api-keys/route";
import { POST as ping } from "../ping/route";
import { POST as rotateSecret } from "../webhook-secret/route";
import { GET as overview } from "./route";

const BASE = "http://localhost:3000";
const PASSWORD = "correct-horse-battery";
const SECRET = `whsec_${Buffer.from("s".repeat(32)).toString("base64")}`;
let admin: string; // Ada, admin of Mill and the portal's operator
let member: string;
let otherAdmin: string; // Bo, admin of Kiln only

beforeAll(async () => {
  const { db } = portal();
  await createOrganizationWithUsers(db, { name: "Mill", slug: "mill" }, [
    { name: "Ada", email: "ada@mill.example", password: PASSWORD, role: "admin" },
    { name: "Max", email: "max@mill.example", password: PASSWORD, role: "member" },
  ]);
  await createOrganizationWithUsers(db, { name: "Kiln", slug: "kiln" }, [
    { name: "Bo", email: "bo@kiln.example", password: PASSWORD, role: "admin" },
  ]);
  await grantOperator(db, { email: "ada@mill.example", organizationSlug: "mill" }, "test");
  await configureProducerEndpoint(db, "http://127.0.0.1:9/api/webhooks/buyer", SECRET);
  admin = await signIn(auth, BASE, "ada@mill.example", PASSWORD);
  member = await signIn(auth, BASE, "max@mill.example", PASSWORD);
  otherAdmin = await signIn(auth, BASE, "bo@kiln.example", PASSWORD);
});

describe("the Integrations admin API", () => {
  it("is for operators only: a member gets 403 and an anonymous caller 401, and neither changes anything", async () => {
    const { db } = portal();
    const before = [await db.$count(apiKeys), await db.$count(outboxMessage)];
    expect((await call(overview, `${BASE}/api/admin/integration`, { cookie: member })).status).toBe(403);
    expect((await call(overview, `${BASE}/api/admin/integration`)).status).toBe(401);
    const body = { name: "x", platform: "p", scopes: ["lots:read"] };
    expect((await call(issueKey, `${BASE}/api/admin/api-keys`, { cookie: member, body })).status).toBe(403);
    expect((await call(ping, `${BASE}/api/admin/ping`, { cookie: member, body: {} })).status).toBe(403);
    expect([await db.$count(apiKeys), await db.$count(outboxMessage)]).toEqual(before);
  });

  it("only operators manage the integration, whatever their role: another organization's admin is refused", async () => {
    const { db } = portal();
    const before = [await db.$count(apiKeys), await db.$count(outboxMessage), await db.select().from(webhookEndpoint)];
    const body = { name: "x", platform: "producer-portal", scopes: ["lots:read"] };
    const refused = await call(issueKey, `${BASE}/api/admin/api-keys`, { cookie: otherAdmin, body });
    expect(refused.status).toBe(403);
    expect((await refused.json()).detail).toContain("Only the portal's operators");
    expect((await call(overview, `${BASE}/api/admin/integration`, { cookie: otherAdmin })).status).toBe(403);
    expect((await call(ping, `${BASE}/api/admin/ping`, { cookie: otherAdmin, body: {} })).status).toBe(403);
    expect(
      (await call(rotateSecret, `${BASE}/api/admin/webhook-secret`, { cookie: otherAdmin, body: { overlapHours: 1 } }))
        .status,
    ).toBe(403);
    expect([await db.$count(apiKeys), await db.$count(outboxMessage), await db.select().from(webhookEndpoint)]).toEqual(
      before,
    );

    // Max is a plain member of his organization, and holds the operator grant.
    const max = { email: "max@mill.example", organizationSlug: "mill" };
    await grantOperator(db, max, "test");
    try {
      expect((await call(overview, `${BASE}/api/admin/integration`, { cookie: member })).status).toBe(200);
      const issued = await call(issueKey, `${BASE}/api/admin/api-keys`, { cookie: member, body });
      expect(issued.status).toBe(201);
      expect(await db.$count(apiKeys)).toBe((before[0] as number) + 1);
    } finally {
      await revokeOperator(db, max);
    }
  });

  it("issues a key shown once, lists only its prefix, rotates it with an overlap and revokes it", async () => {
    const issued = await call(issueKey, `${BASE}/api/admin/api-keys`, {
      cookie: admin,
      body: { name: "Producer portal", platform: "producer-portal", scopes: ["lots:read"] },
    });
    expect(issued.status).toBe(201);
    const { id, key, prefix } = await issued.json();
    expect(key).toMatch(/^lbk_/);
    const listed = await (await call(overview, `${BASE}/api/admin/integration`, { cookie: admin })).json();
    expect(JSON.stringify(listed)).not.toContain(key);
    expect(listed.apiKeys).toContainEqual(expect.objectContaining({ id, prefix, scopes: ["lots:read"] }));

    const read = (apiKey: string) => call(events, `${BASE}/api/events`, { headers: { "x-api-key": apiKey } });
    expect((await read(key)).status).toBe(200);
    const rotated = await call(rotateKey, `${BASE}/api/admin/api-keys/${id}/rotate`, {
      cookie: admin,
      body: { overlapHours: 1 },
      params: { id },
    });
    const successor = await rotated.json();
    expect((await read(successor.key)).status).toBe(200);
    expect((await read(key)).status).toBe(200); // still inside the overlap
    await call(revoke, `${BASE}/api/admin/api-keys/${id}/revoke`, { cookie: admin, body: {}, params: { id } });
    expect((await read(key)).status).toBe(401);
    expect((await read(successor.key)).status).toBe(200);
  });

  it("refuses an unknown scope or an empty name, naming the field, and stores nothing", async () => {
    const { db } = portal();
    const before = await db.$count(apiKeys);
    const response = await call(issueKey, `${BASE}/api/admin/api-keys`, {
      cookie: admin,
      body: { name: "", platform: "p", scopes: ["everything"] },
    });
    expect(response.status).toBe(422);
    const fields = (await response.json()).errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["name", "scopes.0"]));
    expect(await db.$count(apiKeys)).toBe(before);
  });

  it("sends a ping through the outbox and shows it as the last ping", async () => {
    const response = await call(ping, `${BASE}/api/admin/ping`, { cookie: admin, body: {} });
    const { eventId } = await response.json();
    const [queued] = await portal().db.select().from(outboxMessage).where(eq(outboxMessage.eventId, eventId));
    expect(queued).toMatchObject({
      kind: "webhook",
      destination: "producer-portal",
      eventType: "ping",
      status: "pending",
    });
    const shown = await (await call(overview, `${BASE}/api/admin/integration`, { cookie: admin })).json();
    expect(shown.lastPing).toMatchObject({ id: eventId, answeredAt: null });
    expect(shown.messages[0]).toMatchObject({ eventId, status: "pending" });
  });

  it("rotates the signing secret with an overlap, and a restart with the old configured secret keeps the rotation", async () => {
    const { db } = portal();
    const response = await call(rotateSecret, `${BASE}/api/admin/webhook-secret`, {
      cookie: admin,
      body: { overlapHours: 2 },
    });
    const { secret } = await response.json();
    expect(secret).toMatch(/^whsec_/);
    await configureProducerEndpoint(db, "http://127.0.0.1:9/api/webhooks/buyer", SECRET); // a restart
    const [endpoint] = await db.select().from(webhookEndpoint);
    expect(endpoint.secret).toBe(secret);
    expect(endpoint.previousSecret).toBe(SECRET);
    expect(endpoint.previousSecretExpiresAt?.getTime()).toBeGreaterThan(Date.now() + 3_500_000);
  });

  it("narrows the latest messages to one platform's endpoints, each shown with its destination", async () => {
    const coop = await producerPlatform("coop-dashboard");
    const coopPing = await sendPing(portal().db, "Ada", coop.endpoint.id);
    const firstPing = await sendPing(portal().db, "Ada");
    const messages = async (platform: string) =>
      (await (await call(overview, `${BASE}/api/admin/integration?platform=${platform}`, { cookie: admin })).json())
        .messages as { eventId: string; destination: string }[];
    const coopMessages = await messages("coop-dashboard");
    expect(coopMessages).toEqual([expect.objectContaining({ eventId: coopPing.id, destination: coop.endpoint.id })]);
    const first = await messages("producer-portal");
    expect(first.map((m) => m.eventId)).toContain(firstPing.id);
    expect(first.map((m) => m.eventId)).not.toContain(coopPing.id);
    const refused = await call(overview, `${BASE}/api/admin/integration?platform=Not%20an%20id`, { cookie: admin });
    expect(refused.status).toBe(422);
    expect((await refused.json()).errors).toContainEqual({ field: "platform", message: expect.any(String) });
  });
});
