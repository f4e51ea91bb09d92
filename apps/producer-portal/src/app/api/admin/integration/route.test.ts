import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { call, signIn } from "@lotbridge/http/test-client";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { POST as webhook } from "@/app/api/webhooks/buyer/route";
import { portal } from "@/server/portal";
import { pingEvent, signedHeaders } from "@/test/buyer-events";
import { GET } from "./route";

const BASE = "http://localhost:3001";
const PASSWORD = "correct-horse-battery";
let admin: string;
let member: string;

beforeAll(async () => {
  await createOrganizationWithUsers(portal().db, { name: "Farm A", slug: "farm-a" }, [
    { name: "Ada", email: "ada@farm-a.example", password: PASSWORD, role: "admin" },
    { name: "Max", email: "max@farm-a.example", password: PASSWORD, role: "member" },
  ]);
  admin = await signIn(auth, BASE, "ada@farm-a.example", PASSWORD);
  member = await signIn(auth, BASE, "max@farm-a.example", PASSWORD);
});

describe("the integration admin view", () => {
  it("shows an admin the buyer portal, the last event received, reconciliation and the calls queued", async () => {
    const ping = pingEvent();
    const body = JSON.stringify(ping);
    const secret = portal().config.BUYER_WEBHOOK_SECRET[0];
    await call(webhook, `${BASE}/api/webhooks/buyer`, { headers: signedHeaders(ping.id, body, secret), body });

    const response = await call(GET, `${BASE}/api/admin/integration`, { cookie: admin });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      buyerPortalUrl: portal().config.BUYER_PORTAL_URL,
      lastEventReceived: { id: ping.id, type: "ping" },
      reconciliation: { cursor: null, lastRun: null, lastError: null },
      outbound: [{ call: "POST /api/integration/pongs", status: "pending", attempts: 0, log: [] }],
    });
  });

  it("refuses a member with 403", async () => {
    const response = await call(GET, `${BASE}/api/admin/integration`, { cookie: member });
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ type: "urn:lotbridge:problem:forbidden" });
  });

  it("refuses a caller without a session with 401", async () => {
    const response = await call(GET, `${BASE}/api/admin/integration`);
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });
});
