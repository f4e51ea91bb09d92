import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { grantOperator } from "@lotbridge/auth/grant-operator";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { enqueueMessage } from "@lotbridge/webhooks/enqueue-message";
import { newWebhookSecret } from "@lotbridge/webhooks/new-webhook-secret";
import { saveWebhookEndpoint } from "@lotbridge/webhooks/save-webhook-endpoint";
import { outboxMessage, webhookEndpoint } from "@lotbridge/webhooks/tables";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { portal } from "@/server/portal";
import { PASSWORD } from "@/test/lots";
import { POST as auth } from "../../auth/[...all]/route";
import { POST as replayOne } from "./[id]/replay/route";
import { GET as list } from "./route";

const BASE = "http://localhost:3000";
let operator: string;
let member: string;
const ids: string[] = []; // oldest first

beforeAll(async () => {
  const { db } = portal();
  await createOrganizationWithUsers(db, { name: "Mill", slug: "mill" }, [
    { name: "Ada", email: "ada@mill.example", password: PASSWORD, role: "admin" },
    { name: "Max", email: "max@mill.example", password: PASSWORD, role: "member" },
  ]);
  await grantOperator(db, { email: "ada@mill.example", organizationSlug: "mill" }, "test");
  operator = await signIn(auth, BASE, "ada@mill.example", PASSWORD);
  member = await signIn(auth, BASE, "max@mill.example", PASSWORD);
  for (const id of ["ep-one", "ep-two"]) {
    await saveWebhookEndpoint(db, { id, url: `http://127.0.0.1:9/${id}`, secret: newWebhookSecret() });
  }
  await db.update(webhookEndpoint).set({ subscriber: "second-platform" }).where(eq(webhookEndpoint.id, "ep-two"));
  await db.delete(outboxMessage); // whatever signing in queued
  // Seven events, each sent to both endpoints, a minute apart; the third died at ep-one.
  for (let i = 0; i < 7; i++) {
    for (const destination of ["ep-one", "ep-two"]) {
      const id = await enqueueMessage(db, {
        kind: "webhook",
        destination,
        eventId: `evt_n${i}`,
        eventType: "lot.updated",
        payload: {},
      });
      const createdAt = new Date(Date.UTC(2026, 4, 1, 12, i, destination === "ep-one" ? 0 : 1));
      await db
        .update(outboxMessage)
        .set({ createdAt, status: i === 2 && destination === "ep-one" ? "dead" : "delivered" })
        .where(eq(outboxMessage.id, id));
      ids.push(id);
    }
  }
});

const get = (query: string, cookie = operator) => call(list, `${BASE}/api/admin/messages${query}`, { cookie });

describe("GET /api/admin/messages", () => {
  it("pages newest first with a cursor until nextCursor is null, each message once", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await get(`?limit=4${cursor ? `&cursor=${cursor}` : ""}`);
      expect(response.status).toBe(200);
      const page = await response.json();
      seen.push(...page.data.map((m: { id: string }) => m.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(4);
    expect(seen).toEqual([...ids].reverse());
  });

  it("finds every copy of one event, and filters by endpoint, platform and status", async () => {
    const copies = await (await get("?eventId=evt_n2")).json();
    expect(copies.data.map((m: { destination: string; status: string }) => [m.destination, m.status])).toEqual([
      ["ep-two", "delivered"],
      ["ep-one", "dead"],
    ]);
    expect(copies.nextCursor).toBeNull();
    const dead = await (await get("?status=dead&endpoint=ep-one")).json();
    expect(dead.data.map((m: { eventId: string }) => m.eventId)).toEqual(["evt_n2"]);
    const toTwo = await (await get("?platform=second-platform&limit=200")).json();
    expect(toTwo.data).toHaveLength(7);
    expect(new Set(toTwo.data.map((m: { destination: string }) => m.destination))).toEqual(new Set(["ep-two"]));
    expect((await (await get("?eventId=evt_nothing")).json()).data).toEqual([]);
  });

  it("refuses bad paging and filters with 422 naming the field", async () => {
    const cases: [string, string][] = [
      ["?limit=0", "limit"],
      ["?limit=201", "limit"],
      ["?limit=ten", "limit"],
      ["?status=lost", "status"],
      ["?eventId=123", "eventId"],
      ["?cursor=nope", "cursor"],
      ["?cursor=msg_doesnotexist", "cursor"],
      ["?endpoint=", "endpoint"],
    ];
    for (const [query, field] of cases) {
      const response = await get(query);
      expect(response.status, query).toBe(422);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(
        (await response.json()).errors.map((e: { field: string }) => e.field),
        query,
      ).toEqual([field]);
    }
  });

  it("is for operators only", async () => {
    expect((await get("", member)).status).toBe(403);
    expect((await call(list, `${BASE}/api/admin/messages`)).status).toBe(401);
  });

  it("keeps replaying a single message by id", async () => {
    const dead = ids[4];
    const response = await call(replayOne, `${BASE}/api/admin/messages/${dead}/replay`, {
      cookie: operator,
      body: {},
      params: { id: dead },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: dead, status: "pending" });
  });
});
