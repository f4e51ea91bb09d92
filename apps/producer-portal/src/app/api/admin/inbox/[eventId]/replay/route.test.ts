import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { grantOperator } from "@lotbridge/auth/grant-operator";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { inboxMessage, outboxMessage } from "@lotbridge/webhooks/tables";
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as status } from "@/app/api/admin/integration/route";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { portal } from "@/server/portal";
import { pingEvent } from "@/test/buyer-events";
import { POST } from "./route";

const BASE = "http://localhost:3001";
const PASSWORD = "correct-horse-battery";
let operator: string;
let admin: string;

beforeAll(async () => {
  await createOrganizationWithUsers(portal().db, { name: "Farm R", slug: "farm-r" }, [
    { name: "Rita", email: "rita@farm-r.example", password: PASSWORD, role: "admin" },
    { name: "Ron", email: "ron@farm-r.example", password: PASSWORD, role: "admin" },
  ]);
  await grantOperator(portal().db, { email: "rita@farm-r.example", organizationSlug: "farm-r" }, "test");
  operator = await signIn(auth, BASE, "rita@farm-r.example", PASSWORD);
  admin = await signIn(auth, BASE, "ron@farm-r.example", PASSWORD);
});

beforeEach(async () => {
  await portal().db.delete(inboxMessage);
  await portal().db.delete(outboxMessage);
});

/** A ping that failed five times (say the outbox was full) and waits, parked, for a replay. */
async function parkedPing() {
  const ping = pingEvent();
  await portal().db.insert(inboxMessage).values({
    webhookId: ping.id,
    eventType: "ping",
    status: "failed",
    attempts: 5,
    lastError: "disk full",
    envelope: ping,
  });
  return ping;
}
const replay = (id: string, cookie?: string) =>
  call(POST, `${BASE}/api/admin/inbox/${id}/replay`, { method: "POST", cookie, params: { eventId: id } });
const held = async (id: string) =>
  (await portal().db.select().from(inboxMessage).where(eq(inboxMessage.webhookId, id)))[0];

describe("replaying a failed buyer event", () => {
  it("lists failed and refused events for the operator, and a replay applies a failed one once", async () => {
    const ping = await parkedPing();
    const refused = pingEvent();
    await portal()
      .db.insert(inboxMessage)
      .values({ webhookId: refused.id, eventType: "bid.accepted", status: "refused", lastError: "not ours" });

    const listed = await (await call(status, `${BASE}/api/admin/integration`, { cookie: operator })).json();
    expect(listed.unappliedEvents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: ping.id,
          type: "ping",
          status: "failed",
          attempts: 5,
          parked: true,
          reason: "disk full",
        }),
        expect.objectContaining({ id: refused.id, status: "refused", parked: false, reason: "not ours" }),
      ]),
    );

    const response = await replay(ping.id, operator);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ eventId: ping.id, outcome: "applied" });
    expect(await held(ping.id)).toMatchObject({ status: "applied", attempts: 6, lastError: null, envelope: null });
    const pongs = await portal().db.select().from(outboxMessage);
    expect(pongs).toHaveLength(1);

    const again = await replay(ping.id, operator);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ type: "urn:lotbridge:problem:event-not-failed" });
    expect(await portal().db.select().from(outboxMessage)).toHaveLength(1);
  });

  it("refuses to replay a refused event (409) or one never received (404), changing nothing", async () => {
    const refused = pingEvent();
    await portal().db.insert(inboxMessage).values({
      webhookId: refused.id,
      eventType: "ping",
      status: "refused",
      lastError: "not ours",
      envelope: refused,
    });
    expect((await replay(refused.id, operator)).status).toBe(409);
    expect((await replay("evt_neverreceived", operator)).status).toBe(404);
    expect(await held(refused.id)).toMatchObject({ status: "refused", attempts: 1 });
    expect(await portal().db.select().from(outboxMessage)).toEqual([]);
  });

  it("is for operators only: an organization's admin gets 403, nobody signed in 401, and nothing is applied", async () => {
    const ping = await parkedPing();
    const forbidden = await replay(ping.id, admin);
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get("content-type")).toBe("application/problem+json");
    expect((await replay(ping.id)).status).toBe(401);
    expect(await held(ping.id)).toMatchObject({ status: "failed", attempts: 5 });
    expect(await portal().db.select().from(outboxMessage)).toEqual([]);
  });
});
