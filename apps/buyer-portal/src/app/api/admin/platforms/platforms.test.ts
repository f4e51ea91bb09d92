import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { grantOperator } from "@lotbridge/auth/grant-operator";
import { call, type Handler, signIn } from "@lotbridge/http/testing/test-client";
import { webhookEndpoint } from "@lotbridge/webhooks/tables";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { apiKeys, producerPlatforms } from "@/integration/integration-tables";
import { portal } from "@/server/portal";
import { POST as auth } from "../../auth/[...all]/route";
import { POST as issueKey } from "../api-keys/route";
import { POST as rotateSecret } from "./[id]/endpoints/[endpointId]/rotate-secret/route";
import { PATCH as changeEndpoint } from "./[id]/endpoints/[endpointId]/route";
import { POST as addEndpoint } from "./[id]/endpoints/route";
import { POST as createPlatform, GET as listPlatforms } from "./route";

const BASE = "http://localhost:3000/api/admin";
const PASSWORD = "correct-horse-battery";
let operator: string;
let member: string;

beforeAll(async () => {
  const { db } = portal();
  await createOrganizationWithUsers(db, { name: "Mill", slug: "mill" }, [
    { name: "Ada", email: "ada@mill.example", password: PASSWORD, role: "admin" },
    { name: "Max", email: "max@mill.example", password: PASSWORD, role: "admin" },
  ]);
  await grantOperator(db, { email: "ada@mill.example", organizationSlug: "mill" }, "test");
  operator = await signIn(auth, "http://localhost:3000", "ada@mill.example", PASSWORD);
  member = await signIn(auth, "http://localhost:3000", "max@mill.example", PASSWORD);
});

async function tables() {
  const { db } = portal();
  return {
    platforms: await db.select().from(producerPlatforms),
    endpoints: await db.select().from(webhookEndpoint),
    keys: await db.$count(apiKeys),
  };
}

const fieldsOf = async (response: Response) =>
  ((await response.json()).errors ?? []).map((e: { field: string }) => e.field);

const post = (handler: Handler, path: string, body: unknown, cookie = operator, params?: Record<string, string>) =>
  call(handler, `${BASE}${path}`, { cookie, body, params });

describe("the producer platforms admin API", () => {
  it("is for operators only: an organization admin gets 403, anonymous 401, and nothing changes", async () => {
    const before = await tables();
    const params = { id: "producer-portal", endpointId: "producer-portal" };
    const refusals = [
      await post(createPlatform, "/platforms", { id: "coop", name: "Coop" }, member),
      await post(addEndpoint, "/platforms/producer-portal/endpoints", { url: "https://x.example" }, member, params),
      await call(changeEndpoint, `${BASE}/platforms/producer-portal/endpoints/producer-portal`, {
        method: "PATCH",
        cookie: member,
        body: { enabled: false },
        params,
      }),
      await post(
        rotateSecret,
        "/platforms/producer-portal/endpoints/producer-portal/rotate-secret",
        {},
        member,
        params,
      ),
      await call(listPlatforms, `${BASE}/platforms`, { cookie: member }),
    ];
    expect(refusals.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
    expect((await call(listPlatforms, `${BASE}/platforms`)).status).toBe(401);
    expect(await tables()).toEqual(before);
  });

  it("creates a platform, gives it an endpoint whose secret is shown once, and lists both without secrets", async () => {
    const created = await post(createPlatform, "/platforms", { id: "coop-dashboard", name: "Coop dashboard" });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ id: "coop-dashboard", endpoints: [], apiKeys: [] });
    const added = await post(
      addEndpoint,
      "/platforms/coop-dashboard/endpoints",
      { url: "https://coop.example/hooks", eventTypes: ["lot.published", "bid.received"] },
      operator,
      { id: "coop-dashboard" },
    );
    expect(added.status).toBe(201);
    const endpoint = await added.json();
    expect(endpoint).toMatchObject({
      id: expect.stringMatching(/^whe_/),
      platform: "coop-dashboard",
      enabled: true,
      eventTypes: ["lot.published", "bid.received"],
      secret: expect.stringMatching(/^whsec_/),
    });
    const key = await post(issueKey, "/api-keys", { name: "Coop", platform: "coop-dashboard", scopes: ["lots:read"] });
    expect(key.status).toBe(201);

    const listed = await call(listPlatforms, `${BASE}/platforms`, { cookie: operator });
    const text = await listed.text();
    expect(text).not.toContain(endpoint.secret);
    const coop = JSON.parse(text).data.find((p: { id: string }) => p.id === "coop-dashboard");
    expect(coop.endpoints).toEqual([expect.objectContaining({ id: endpoint.id, url: "https://coop.example/hooks" })]);
    expect(coop.apiKeys).toEqual([expect.objectContaining({ name: "Coop", scopes: ["lots:read"] })]);
    expect(JSON.parse(text).data[0]).toMatchObject({ id: "producer-portal", endpoints: [{ id: "producer-portal" }] });
  });

  it("changes an endpoint's filter, URL and state, and rotates its secret keeping the old one for the overlap", async () => {
    const [endpoint] = await portal()
      .db.select()
      .from(webhookEndpoint)
      .where(eq(webhookEndpoint.subscriber, "coop-dashboard"));
    const params = { id: "coop-dashboard", endpointId: endpoint.id };
    const patch = (body: unknown) =>
      call(changeEndpoint, `${BASE}/platforms/coop-dashboard/endpoints/${endpoint.id}`, {
        method: "PATCH",
        cookie: operator,
        body,
        params,
      });
    const off = await (await patch({ enabled: false, eventTypes: null })).json();
    expect(off).toMatchObject({ enabled: false, eventTypes: null, disabledReason: expect.stringContaining("Ada") });
    const moved = await (await patch({ url: "https://coop.example/v2" })).json();
    // A new URL is a new receiver: it starts enabled.
    expect(moved).toMatchObject({ url: "https://coop.example/v2", enabled: true, disabledReason: null });

    const rotated = await post(rotateSecret, "/rotate", { overlapHours: 2 }, operator, params);
    expect(rotated.status).toBe(201);
    const { secret } = await rotated.json();
    const [row] = await portal().db.select().from(webhookEndpoint).where(eq(webhookEndpoint.id, endpoint.id));
    expect(row.secret).toBe(secret);
    expect(row.previousSecret).toBe(endpoint.secret);
    expect(row.previousSecretExpiresAt?.getTime()).toBeGreaterThan(Date.now() + 7_000_000);
  });

  it("refuses bad input naming the field, a taken id or name, and another platform's endpoint — storing nothing", async () => {
    const before = await tables();
    const cases: [Response, number, string | undefined][] = [
      [await post(createPlatform, "/platforms", { id: "Not A Slug", name: "" }), 422, "id"],
      [await post(createPlatform, "/platforms", { id: "coop-dashboard", name: "Another" }), 409, "id"],
      [await post(createPlatform, "/platforms", { id: "another", name: "Coop dashboard" }), 409, "name"],
      [await post(addEndpoint, "/x", { url: "ftp://coop.example" }, operator, { id: "coop-dashboard" }), 422, "url"],
      [
        await post(addEndpoint, "/x", { url: "https://coop.example", eventTypes: ["lot.eaten"] }, operator, {
          id: "coop-dashboard",
        }),
        422,
        "eventTypes.0",
      ],
      [await post(addEndpoint, "/x", { url: "https://coop.example" }, operator, { id: "nobody" }), 404, undefined],
      // The first platform's endpoint is not the coop's to change.
      [
        await call(changeEndpoint, `${BASE}/x`, {
          method: "PATCH",
          cookie: operator,
          body: { enabled: false },
          params: { id: "coop-dashboard", endpointId: "producer-portal" },
        }),
        404,
        undefined,
      ],
      [
        await post(issueKey, "/api-keys", { name: "Ghost", platform: "nobody", scopes: ["lots:read"] }),
        422,
        "platform",
      ],
    ];
    for (const [response, status, field] of cases) {
      expect(response.status).toBe(status);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      if (field) expect(await fieldsOf(response)).toContain(field);
    }
    expect(await tables()).toEqual(before);
  });
});
