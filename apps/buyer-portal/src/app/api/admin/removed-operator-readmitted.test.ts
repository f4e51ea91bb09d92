import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { currentMember } from "@lotbridge/auth/current-member";
import { grantOperator } from "@lotbridge/auth/grant-operator";
import { operatorGrant } from "@lotbridge/auth/operator-grant-table";
import { organization } from "@lotbridge/auth/tables";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { applyConfiguredOperators } from "@lotbridge/runtime/apply-configured-operators";
import { outboxMessage, webhookEndpoint } from "@lotbridge/webhooks/tables";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { OrganizationKeys } from "@/app/(portal)/integrations/organization-keys";
import IntegrationsPage from "@/app/(portal)/integrations/page";
import { apiKeys } from "@/integration/integration-tables";
import { configureProducerEndpoint } from "@/integration/producer-endpoint";
import { logger } from "@/server/logger";
import { portal } from "@/server/portal";
import { PASSWORD } from "@/test/lots";
import { POST as auth } from "../auth/[...all]/route";
import { DELETE as removeFromTeam } from "../team/[userId]/route";
import { POST as addToTeam } from "../team/route";
import { POST as revokeKey } from "./api-keys/[id]/revoke/route";
import { POST as rotateKey } from "./api-keys/[id]/rotate/route";
import { POST as issueKey } from "./api-keys/route";
import { GET as overview } from "./integration/route";
import { POST as replay } from "./messages/[id]/replay/route";
import { POST as ping } from "./ping/route";
import { POST as enableEndpoint } from "./webhook-endpoint/route";
import { POST as rotateSecret } from "./webhook-secret/route";

// Issue 13: Anna runs the portal (operator, at Northfield Mills). A second admin of Northfield removes her, Riverside
// Grain's admin gives her email an account at Riverside, and that account opens the portal-wide administration.

let pageCookie = "";
// The page reads the session from the headers, and the viewer's time zone from a cookie this viewer has not set (UTC).
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ cookie: pageCookie }),
  cookies: async () => ({ get: () => undefined }),
}));

const BASE = "http://localhost:3000";
const SECRET = `whsec_${Buffer.from("s".repeat(32)).toString("base64")}`;
const ANNA = { email: "anna@northfield.example", organizationSlug: "northfield-mills" };
let ada: string; // Northfield's second admin
let carla: string; // Riverside's admin
let annaAtRiverside: string;
let keyId: string;
let messageId: string;

beforeAll(async () => {
  const { db } = portal();
  const north = await createOrganizationWithUsers(db, { name: "Northfield Mills", slug: "northfield-mills" }, [
    { name: "Anna Keller", email: ANNA.email, password: PASSWORD, role: "admin" },
    { name: "Ada Ng", email: "ada@northfield.example", password: PASSWORD, role: "admin" },
  ]);
  await createOrganizationWithUsers(db, { name: "Riverside Grain", slug: "riverside-grain" }, [
    { name: "Carla Nowak", email: "carla@riverside.example", password: PASSWORD, role: "admin" },
  ]);
  await configureProducerEndpoint(db, "http://127.0.0.1:9/api/webhooks/buyer", SECRET);
  await grantOperator(db, ANNA, "OPERATORS");

  // As operator, Anna issues the producer platform's key and sends a ping (a message to replay later).
  const annaAtNorthfield = await signIn(auth, BASE, ANNA.email, PASSWORD);
  const issued = await call(issueKey, `${BASE}/api/admin/api-keys`, {
    cookie: annaAtNorthfield,
    body: { name: "Producer portal", platform: "producer-portal", scopes: ["lots:read"] },
  });
  expect(issued.status).toBe(201);
  keyId = (await issued.json()).id;
  const pinged = await call(ping, `${BASE}/api/admin/ping`, { cookie: annaAtNorthfield, body: {} });
  expect(pinged.status).toBe(201);
  const [message] = await db.select({ id: outboxMessage.id }).from(outboxMessage);
  messageId = message.id;
  await db.update(outboxMessage).set({ status: "dead" }); // replayable

  ada = await signIn(auth, BASE, "ada@northfield.example", PASSWORD);
  carla = await signIn(auth, BASE, "carla@riverside.example", PASSWORD);
  const removed = await call(removeFromTeam, `${BASE}/api/team/${north.userIds[0]}`, {
    method: "DELETE",
    cookie: ada,
    params: { userId: north.userIds[0] },
  });
  expect(removed.status).toBe(204);
  const added = await call(addToTeam, `${BASE}/api/team`, {
    cookie: carla,
    body: { name: "Anna Keller", email: ANNA.email, role: "admin" },
  });
  expect(added.status).toBe(201);
  annaAtRiverside = await signIn(auth, BASE, ANNA.email, (await added.json()).password);
  // The portal restarts with OPERATORS still naming Anna at Northfield Mills.
  await applyConfiguredOperators(db, [ANNA], logger);
});

const stored = async () => {
  const { db } = portal();
  return [
    await db.select().from(apiKeys).orderBy(apiKeys.id),
    await db.select().from(outboxMessage).orderBy(outboxMessage.id),
    await db.select().from(webhookEndpoint),
    await db.select().from(operatorGrant),
  ];
};

describe("an operator removed from her organization whose email another organization admits", () => {
  it("gets 403 problem+json from every portal-wide admin route, and changes nothing", async () => {
    const before = await stored();
    const as = { cookie: annaAtRiverside };
    const refused = [
      await call(overview, `${BASE}/api/admin/integration`, as),
      await call(overview, `${BASE}/api/admin/integration?status=dead`, as),
      await call(issueKey, `${BASE}/api/admin/api-keys`, {
        ...as,
        body: { name: "mine", platform: "producer-portal", scopes: ["lots:read", "bids:write"] },
      }),
      await call(rotateKey, `${BASE}/api/admin/api-keys/${keyId}/rotate`, {
        ...as,
        body: { overlapHours: 1 },
        params: { id: keyId },
      }),
      await call(revokeKey, `${BASE}/api/admin/api-keys/${keyId}/revoke`, { ...as, body: {}, params: { id: keyId } }),
      await call(enableEndpoint, `${BASE}/api/admin/webhook-endpoint`, { ...as, body: {} }),
      await call(rotateSecret, `${BASE}/api/admin/webhook-secret`, { ...as, body: { overlapHours: 1 } }),
      await call(ping, `${BASE}/api/admin/ping`, { ...as, body: {} }),
      await call(replay, `${BASE}/api/admin/messages/${messageId}/replay`, {
        ...as,
        body: {},
        params: { id: messageId },
      }),
    ];
    for (const response of refused) {
      expect(response.status).toBe(403);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      const problem = await response.json();
      expect(problem).toMatchObject({ type: "urn:lotbridge:problem:forbidden" });
      expect(JSON.stringify(problem)).not.toContain(SECRET);
    }
    expect(await stored()).toEqual(before);
  });

  it("holds no operator grant, not even after a restart with OPERATORS naming her at Northfield Mills", async () => {
    const { db, auth: betterAuth } = portal();
    const me = await currentMember(betterAuth, db, new Headers({ cookie: annaAtRiverside }));
    expect(me?.role).toBe("admin"); // Riverside's admin, which is not the portal's operator
    expect(await db.select().from(operatorGrant)).toEqual([]);
  });

  it("is shown only her new organization's own keys on the Integrations page, none of the portal-wide sections", async () => {
    pageCookie = annaAtRiverside;
    const page = await IntegrationsPage();
    expect(page.type).toBe(OrganizationKeys);
    const [riverside] = await portal()
      .db.select({ id: organization.id })
      .from(organization)
      .where(eq(organization.slug, "riverside-grain"));
    expect(page.props.me.organizationId).toBe(riverside.id);
  });
});
