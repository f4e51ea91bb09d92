import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { grantOperator } from "@lotbridge/auth/grant-operator";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { inboxMessage } from "@lotbridge/webhooks/tables";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import IntegrationPage from "@/app/(portal)/integration/page";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { POST as webhook } from "@/app/api/webhooks/buyer/route";
import { portal } from "@/server/portal";
import { pingEvent, signedHeaders } from "@/test/buyer-events";
import { GET } from "./route";

let pageCookie = "";
// The page reads the session from the headers, and the viewer's time zone from a cookie this viewer has not set (UTC).
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ cookie: pageCookie }),
  cookies: async () => ({ get: () => undefined }),
}));

const BASE = "http://localhost:3001";
const PASSWORD = "correct-horse-battery";
let operator: string; // Ada, admin of Farm A and the portal's operator
let member: string;
let otherAdmin: string; // Bo, admin of Farm B only

beforeAll(async () => {
  await createOrganizationWithUsers(portal().db, { name: "Farm A", slug: "farm-a" }, [
    { name: "Ada", email: "ada@farm-a.example", password: PASSWORD, role: "admin" },
    { name: "Max", email: "max@farm-a.example", password: PASSWORD, role: "member" },
  ]);
  await createOrganizationWithUsers(portal().db, { name: "Farm B", slug: "farm-b" }, [
    { name: "Bo", email: "bo@farm-b.example", password: PASSWORD, role: "admin" },
  ]);
  await grantOperator(portal().db, { email: "ada@farm-a.example", organizationSlug: "farm-a" }, "test");
  operator = await signIn(auth, BASE, "ada@farm-a.example", PASSWORD);
  member = await signIn(auth, BASE, "max@farm-a.example", PASSWORD);
  otherAdmin = await signIn(auth, BASE, "bo@farm-b.example", PASSWORD);
});

describe("the integration admin view", () => {
  it("shows the operator the buyer portal, the last event received, reconciliation and the calls queued", async () => {
    const ping = pingEvent();
    const body = JSON.stringify(ping);
    const secret = portal().config.BUYER_WEBHOOK_SECRET[0];
    await call(webhook, `${BASE}/api/webhooks/buyer`, { headers: signedHeaders(ping.id, body, secret), body });

    const response = await call(GET, `${BASE}/api/admin/integration`, { cookie: operator });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      buyerPortalUrl: portal().config.BUYER_PORTAL_URL,
      lastEventReceived: { id: ping.id, type: "ping" },
      reconciliation: { cursor: null, lastRun: null, lastError: null },
      outbound: [{ call: "POST /api/integration/pongs", status: "pending", attempts: 0, log: [] }],
    });
  });

  it("refuses another organization's admin who is not an operator with 403, showing none of the portal's calls", async () => {
    const response = await call(GET, `${BASE}/api/admin/integration`, { cookie: otherAdmin });
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = await response.json();
    expect(problem).toMatchObject({ type: "urn:lotbridge:problem:forbidden" });
    expect(JSON.stringify(problem)).not.toMatch(/pongs|outbound|lastEventReceived/);
  });

  it("shows the operator the events not applied on the Integration page, with Replay for the failed one only", async () => {
    const failed = pingEvent();
    const refused = pingEvent();
    await portal()
      .db.insert(inboxMessage)
      .values([
        {
          webhookId: failed.id,
          eventType: "ping",
          status: "failed",
          attempts: 5,
          lastError: "disk full",
          envelope: failed,
        },
        { webhookId: refused.id, eventType: "bid.accepted", status: "refused", lastError: "No bid pbid_x was placed" },
      ]);
    pageCookie = operator;
    const html = renderToStaticMarkup(await IntegrationPage());
    expect(html).toContain("Events not applied");
    const rows = html
      .split("<tr>")
      .slice(1)
      .filter((row) => row.includes(failed.id) || row.includes(refused.id));
    expect(rows).toHaveLength(2);
    const [failedRow, refusedRow] = rows[0].includes(failed.id) ? rows : [rows[1], rows[0]];
    expect(failedRow).toMatch(/failed, parked.*disk full.*Replay/s);
    expect(refusedRow).toMatch(/refused.*No bid pbid_x was placed/s);
    expect(refusedRow).not.toContain("Replay");
  });

  it("does not show the Integration page to an organization's admin who is not an operator", async () => {
    pageCookie = otherAdmin;
    await expect(IntegrationPage()).rejects.toMatchObject({ digest: expect.stringContaining("404") });
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
