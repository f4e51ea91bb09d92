import { call } from "@lotbridge/http/testing/test-client";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { sql } from "drizzle-orm";
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

  it("numbers events in commit order, so a reader can never move its cursor past an event that commits later", async () => {
    const { db } = portal();
    const start = (await (await read()).json()).data.length;
    const backendPid = async (tx: Pick<typeof db, "execute">) =>
      Number((await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`)).rows[0]?.pid);
    let releaseSlow = () => {};
    const slowMayCommit = new Promise<void>((resolve) => (releaseSlow = resolve));
    let slowPublished = (_pid: number) => {};
    const slowPublishedOn = new Promise<number>((resolve) => (slowPublished = resolve));
    // The slow transaction publishes first and stays open…
    const slow = db.transaction(async (tx) => {
      const pid = await backendPid(tx);
      await publishEvent(tx, "ping", ping("slow"));
      slowPublished(pid);
      await slowMayCommit;
    });
    let fast: Promise<unknown> = Promise.resolve();
    try {
      // (slow settles before its release only by failing: racing it reports that failure instead of hanging)
      const slowPid = await Promise.race([slowPublishedOn, slow.then(() => Number.NaN)]);
      // …a second one wants to publish meanwhile: it must wait, not take a number and commit first.
      let fastPid = 0;
      let fastDone = false;
      fast = db
        .transaction(async (tx) => {
          fastPid = await backendPid(tx);
          await publishEvent(tx, "ping", ping("fast"));
        })
        .then(() => (fastDone = true));
      // Wait until the second has either committed (the ordering is broken) or is seen blocked by the first.
      await vi.waitFor(
        async () => {
          if (fastDone) return;
          const { rows } = await db.execute<{ blocked: boolean }>(
            sql`select ${slowPid}::int = any(pg_blocking_pids(${fastPid}::int)) as blocked`,
          );
          if (!rows[0]?.blocked) throw new Error("the second publisher is not yet waiting for the first");
        },
        { timeout: 10_000, interval: 20 },
      );
      expect(fastDone).toBe(false);
      expect((await (await read()).json()).data).toHaveLength(start);
    } finally {
      releaseSlow();
    }
    await Promise.all([slow, fast]);
    const after = await (await read()).json();
    expect(after.data.slice(start).map((e: { data: { message: string } }) => e.data.message)).toEqual(["slow", "fast"]);
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
