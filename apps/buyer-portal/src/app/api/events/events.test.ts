import { call } from "@lotbridge/http/testing/test-client";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import pg from "pg";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { apiKeys, integrationEvents } from "@/integration/integration-tables";
import { issueApiKey } from "@/integration/issue-api-key";
import { revokeApiKey } from "@/integration/manage-api-keys";
import { publishEvent } from "@/integration/publish-event";
import { portal } from "@/server/portal";
import { GET as feed } from "./route";

const URL_BASE = "http://localhost:3000/api/events";
let reader: string;
let writerOnly: string;

const ping = (message: string) => ({ message, version: 1 });

beforeAll(async () => {
  const { db } = portal();
  reader = (await issueApiKey(db, { name: "reader", platform: "producer-portal", scopes: ["lots:read"] })).key;
  writerOnly = (await issueApiKey(db, { name: "writer", platform: "producer-portal", scopes: ["contracts:write"] }))
    .key;
});

const read = (query = "", headers: Record<string, string> = { "x-api-key": reader }) =>
  call(feed, `${URL_BASE}${query}`, { headers });

describe("GET /api/events", () => {
  it("lists committed events in order with a cursor to read on, and Bearer works like X-API-Key", async () => {
    const { db } = portal();
    for (const n of [1, 2, 3]) await db.transaction((tx) => publishEvent(tx, "ping", ping(`p${n}`)));
    const first = await (await read("?limit=2")).json();
    expect(first.data.map((e: { data: { message: string } }) => e.data.message)).toEqual(["p1", "p2"]);
    const second = await (
      await read(`?limit=2&after=${first.nextCursor}`, { authorization: `Bearer ${reader}` })
    ).json();
    expect(second.data.map((e: { data: { message: string } }) => e.data.message)).toEqual(["p3"]);
    expect(second.data[0]).toMatchObject({
      type: "ping",
      apiVersion: expect.any(String),
      id: expect.stringMatching(/^evt_/),
    });
    const end = await (await read(`?after=${second.nextCursor}`)).json();
    expect(end).toEqual({ data: [], nextCursor: null });
  });

  it("never lets a reader's cursor pass an event that commits later, without making publishers wait", async () => {
    const { db } = portal();
    const messages = (page: { data: { data: { message: string } }[] }) => page.data.map((e) => e.data.message);
    let cursor: string | undefined;
    for (let page = await (await read()).json(); page.nextCursor; page = await (await read(`?after=${cursor}`)).json())
      cursor = page.nextCursor;
    const after = () => read(cursor ? `?after=${cursor}` : "").then((r) => r.json());
    let releaseSlow = () => {};
    const slowMayCommit = new Promise<void>((resolve) => (releaseSlow = resolve));
    let slowPublished = () => {};
    const slowPublishedNow = new Promise<void>((resolve) => (slowPublished = resolve));
    // The slow transaction publishes first and stays open…
    const slow = db.transaction(async (tx) => {
      await publishEvent(tx, "ping", ping("slow"));
      slowPublished();
      await slowMayCommit;
    });
    const seen: string[] = [];
    try {
      await Promise.race([slowPublishedNow, slow]);
      // …a second one publishes and commits meanwhile, without waiting for the first…
      await db.transaction((tx) => publishEvent(tx, "ping", ping("fast")));
      // …and a reader now must not be shown it: taking it would move the cursor past the slow event.
      const early = await after();
      seen.push(...messages(early));
      cursor = early.nextCursor ?? cursor;
      expect(seen).toEqual([]);
    } finally {
      releaseSlow();
    }
    await slow;
    await vi.waitFor(async () => {
      const page = await after();
      seen.push(...messages(page));
      cursor = page.nextCursor ?? cursor;
      expect(seen).toEqual(["slow", "fast"]);
    });
  });

  it("is not held back by a transaction left open in another database of the same server", async () => {
    const { db } = portal();
    const elsewhere = new pg.Client({ connectionString: process.env.LOTBRIDGE_TEST_SERVER_URL });
    await elsewhere.connect();
    try {
      await elsewhere.query("begin");
      await elsewhere.query("select pg_current_xact_id()"); // now it has a transaction id older than the event's
      await db.transaction((tx) => publishEvent(tx, "ping", ping("beside-elsewhere")));
      const all: string[] = [];
      let cursor: string | undefined;
      for (let page = await (await read()).json(); page.data.length > 0; ) {
        all.push(...page.data.map((e: { data: { message: string } }) => e.data.message));
        cursor = page.nextCursor;
        page = await (await read(`?after=${cursor}`)).json();
      }
      expect(all).toContain("beside-elsewhere");
    } finally {
      await elsewhere.query("rollback").catch(() => {});
      await elsewhere.end();
    }
  });

  it("takes a cursor of digits alone (issued before transaction ids) as a sequence number, and refuses others", async () => {
    const { db } = portal();
    await db.transaction((tx) => publishEvent(tx, "ping", ping("legacy-cursor")));
    const rows = await db.select({ seq: integrationEvents.seq, tx: integrationEvents.tx }).from(integrationEvents);
    const last = rows.reduce((a, b) => (a.tx > b.tx || (a.tx === b.tx && a.seq > b.seq) ? a : b));
    const page = await (await read(`?after=${last.seq - 1}`)).json();
    // Every event here was written after the column existed, so a digits-only cursor places the reader before them all.
    expect(page.data.map((e: { data: { message: string } }) => e.data.message)).toContain("legacy-cursor");
    for (const bad of ["1.2.3", "-1", "x", `${2n ** 63n}`, `1.${2n ** 63n}`]) {
      const response = await read(`?after=${encodeURIComponent(bad)}`);
      expect(response.status, bad).toBe(422);
      expect((await response.json()).errors?.[0]?.field ?? "after").toBe("after");
    }
  });

  it("writes nothing for an event whose transaction rolls back", async () => {
    const { db } = portal();
    const before = [await db.$count(integrationEvents), await db.$count(outboxMessage)];
    await db
      .transaction(async (tx) => {
        await publishEvent(tx, "ping", ping("never"));
        throw new Error("the change failed");
      })
      .catch(() => {});
    expect([await db.$count(integrationEvents), await db.$count(outboxMessage)]).toEqual(before);
  });

  it("answers 401 without a key, with an unknown or a revoked key, and 403 without lots:read — and writes nothing", async () => {
    const { db } = portal();
    const revoked = await issueApiKey(db, { name: "old", platform: "producer-portal", scopes: ["lots:read"] });
    await revokeApiKey(db, revoked.id);
    const lastUsed = async () =>
      (await db.select({ at: apiKeys.lastUsedAt }).from(apiKeys)).map((r) => r.at?.getTime());
    const before = await lastUsed();
    const cases: [Record<string, string>, number][] = [
      [{}, 401],
      [{ "x-api-key": "lbk_not-a-real-key-000000000000" }, 401],
      [{ "x-api-key": revoked.key }, 401],
      [{ authorization: "Basic abc" }, 401],
      [{ "x-api-key": writerOnly }, 403],
    ];
    for (const [headers, status] of cases) {
      const response = await read("", headers);
      expect(response.status, JSON.stringify(headers)).toBe(status);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      const body = await response.text();
      for (const key of [reader, writerOnly, revoked.key]) expect(body).not.toContain(key);
    }
    expect(await lastUsed()).toEqual(before);
  });

  it("refuses a cursor it never handed out", async () => {
    const response = await read("?after=abc");
    expect(response.status).toBe(422);
    expect((await response.json()).errors).toContainEqual({ field: "after", message: expect.any(String) });
  });
});
