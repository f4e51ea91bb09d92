import { call } from "@lotbridge/http/testing/test-client";
import { eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { cancelLot } from "@/domain/lots/cancel-lot";
import { closeLot } from "@/domain/lots/close-lot";
import { lots } from "@/domain/lots/lot-table";
import { publishLot } from "@/domain/lots/publish-lot";
import { apiKeys } from "@/integration/integration-tables";
import { issueApiKey } from "@/integration/issue-api-key";
import { portal } from "@/server/portal";
import { buyerOrganization, draftLot, PUBLIC_URL } from "@/test/lots";
import { GET as getOne } from "./[id]/route";
import { GET as list } from "./route";

const BASE = "http://localhost:3000/api/lots/external";
let reader: string;
let bidsOnly: string;
let mill: Awaited<ReturnType<typeof buyerOrganization>>;

beforeAll(async () => {
  const { db } = portal();
  reader = (await issueApiKey(db, { name: "reader", platform: "producer-portal", scopes: ["lots:read"] })).key;
  bidsOnly = (await issueApiKey(db, { name: "bids", platform: "producer-portal", scopes: ["bids:write"] })).key;
  mill = await buyerOrganization("Hamburg Mill");
});

const get = (query = "", key = reader) => call(list, `${BASE}${query}`, { headers: { "x-api-key": key } });
const page = async (query = "") => {
  const response = await get(query);
  expect(response.status).toBe(200);
  return (await response.json()) as {
    data: { id: string; status: string; number: string }[];
    nextCursor: string | null;
  };
};
const publish = async (change: Parameters<typeof draftLot>[1] = {}) => {
  const draft = await draftLot(mill, change);
  return publishLot(portal().db, draft.id, { actor: mill, publicUrl: PUBLIC_URL });
};

/** Every lot id of a listing, following nextCursor to the end. */
async function everyId(query: string, limit = 3, between?: () => Promise<unknown>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const result = await page(`?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ""}`);
    ids.push(...result.data.map((lot) => lot.id));
    cursor = result.nextCursor;
    await between?.();
  } while (cursor);
  return ids;
}

describe("GET /api/lots/external", () => {
  it("lists published lots by default, never drafts or cancelled lots; closed ones on request", async () => {
    const draft = await draftLot(mill, { title: "Private draft" });
    const open = await publish();
    const closed = await publish();
    await closeLot(portal().db, closed.id, { actor: mill, publicUrl: PUBLIC_URL });
    const cancelled = await publish();
    await cancelLot(portal().db, cancelled.id, { actor: mill, publicUrl: PUBLIC_URL });

    const published = await everyId("", 100);
    expect(published).toContain(open.id);
    for (const hidden of [draft.id, closed.id, cancelled.id]) expect(published).not.toContain(hidden);
    expect(await everyId("&status=closed", 100)).toEqual([closed.id]);
    const refused = await get("?status=draft");
    expect(refused.status).toBe(422);
    expect((await refused.json()).errors[0].field).toBe("status");
  });

  it("filters by commodity (any case), by words and by last change", async () => {
    const rapeseed = await publish({ commodity: "Rapeseed", title: "Rapeseed 00 for crushing" });
    const oats = await publish({ commodity: "Oats", title: "Milling oats", description: "For rolled 100% flakes" });
    expect(await everyId("&commodity=rapeseed", 100)).toEqual([rapeseed.id]);
    expect(await everyId("&q=crushing%2000", 100)).toEqual([rapeseed.id]);
    expect(await everyId("&q=100%25", 100)).toEqual([oats.id]);
    expect(await everyId("&q=10_%25", 100)).toEqual([]);
    await portal()
      .db.update(lots)
      .set({ updatedAt: new Date(Date.now() + 3_600_000) })
      .where(eq(lots.id, oats.id));
    const since = new Date(Date.now() + 1_800_000).toISOString();
    expect(await everyId(`&updatedSince=${encodeURIComponent(since)}`, 100)).toEqual([oats.id]);
  });

  it("finds words of one or two letters (too short for the trigram index), in any case", async () => {
    const soy = await publish({
      commodity: "Soybeans",
      title: "Soy beans, GM-free",
      description: "Lot ü for crushing",
    });
    expect(await everyId("&q=gM%20soy", 100)).toEqual([soy.id]);
    expect(await everyId("&q=y%20gm", 100)).toEqual([soy.id]);
  });

  it("lists every lot changed since a moment, in listing order, exactly once across pages of one", async () => {
    const published = [];
    for (let i = 0; i < 5; i++) published.push(await publish());
    const changed = [published[0].id, published[2].id, published[4].id];
    const later = new Date(Date.now() + 5 * 3_600_000);
    await portal().db.update(lots).set({ updatedAt: later }).where(inArray(lots.id, changed));
    const since = new Date(later.getTime() - 60_000).toISOString();
    expect(await everyId(`&updatedSince=${encodeURIComponent(since)}`, 1)).toEqual(changed);
    const after = new Date(later.getTime() + 60_000).toISOString();
    expect(await everyId(`&updatedSince=${encodeURIComponent(after)}`, 1)).toEqual([]);
  });

  it("caps a page at 100 lots and refuses a forged cursor, naming the parameter", async () => {
    for (const [query, field] of [
      ["?limit=101", "limit"],
      ["?limit=0", "limit"],
      ["?cursor=abc", "cursor"],
      ["?cursor=1;drop table lot", "cursor"],
    ]) {
      const response = await get(query);
      expect(response.status).toBe(422);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect((await response.json()).errors[0].field).toBe(field);
    }
  });

  it("answers 401 without or with an unknown key and 403 without lots:read, writing nothing", async () => {
    const lastUsed = async () =>
      (await portal().db.select().from(apiKeys)).map((key) => [key.id, key.lastUsedAt?.toISOString()]);
    const before = await lastUsed();
    expect((await call(list, BASE)).status).toBe(401);
    expect((await get("", "lbk_not_a_key_at_all_00000000")).status).toBe(401);
    expect((await get("", bidsOnly)).status).toBe(403);
    expect(await lastUsed()).toEqual(before);
  });

  it("returns every lot exactly once while lots are being published during paging", async () => {
    const { db } = portal();
    await db.update(lots).set({ status: "cancelled" }).where(eq(lots.status, "published"));
    const before = await Promise.all(Array.from({ length: 10 }, () => publish()));
    const during: string[] = [];
    const seen = await everyId("", 3, async () => {
      // Several publications between two pages, committing in parallel.
      const batch = await Promise.all([publish(), publish(), publish()]);
      if (during.length < 12) during.push(...batch.map((lot) => lot.id));
      else for (const lot of batch) await cancelLot(db, lot.id, { actor: mill, publicUrl: PUBLIC_URL });
    });
    expect(new Set(seen).size).toBe(seen.length);
    for (const lot of before) expect(seen).toContain(lot.id);
    for (const id of during) expect(seen).toContain(id);
  });

  it("never lets a reader skip a lot whose publication commits after later ones", async () => {
    const { db } = portal();
    await db.update(lots).set({ status: "cancelled" }).where(eq(lots.status, "published"));
    const [slowDraft, fastDraft, lastDraft] = [await draftLot(mill), await draftLot(mill), await draftLot(mill)];
    const publishNow = (id: string) => publishLot(db, id, { actor: mill, publicUrl: PUBLIC_URL });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let drawn!: (pid: number) => void;
    const slowHasPosition = new Promise<number>((resolve) => (drawn = resolve));
    // The slow publication draws its listing position first and stays uncommitted…
    const slow = db.transaction(async (tx) => {
      const { rows } = await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
      await publishLot(tx, slowDraft.id, { actor: mill, publicUrl: PUBLIC_URL });
      drawn(Number(rows[0]?.pid));
      await held;
    });
    let first: Awaited<ReturnType<typeof page>>;
    let later: Promise<void> = Promise.resolve();
    try {
      // (slow settles before its release only by failing: racing it reports that failure instead of hanging)
      const slowPid = await Promise.race([slowHasPosition, slow.then(() => Number.NaN)]);
      // …two later ones try to commit meanwhile, and a producer reads the first page, one lot per page — once the
      // later ones have either committed or are seen waiting for the slow one.
      let laterDone = false;
      later = (async () => {
        await publishNow(fastDraft.id);
        await publishNow(lastDraft.id);
        laterDone = true;
      })();
      await vi.waitFor(
        async () => {
          if (laterDone) return;
          const { rows } = await db.execute<{ waiting: boolean }>(
            sql`select exists (select 1 from pg_stat_activity where datname = current_database() and ${slowPid}::int = any(pg_blocking_pids(pid))) as waiting`,
          );
          if (!rows[0]?.waiting) throw new Error("the later publications are neither committed nor waiting yet");
        },
        { timeout: 10_000, interval: 20 },
      );
      first = await page("?limit=1");
    } finally {
      release();
    }
    await Promise.all([slow, later]);
    // The reader goes on from its cursor; with no cursor it has seen nothing yet and starts from the beginning.
    const rest = await everyId(first.nextCursor ? `&cursor=${first.nextCursor}` : "", 1);
    const seen = [...first.data.map((lot) => lot.id), ...rest];
    expect(seen.sort()).toEqual([slowDraft.id, fastDraft.id, lastDraft.id].sort());
  });
});

describe("GET /api/lots/external/{id}", () => {
  it("answers a published lot in full, a cancelled one with its status, and a draft with 404", async () => {
    const open = await publish();
    const one = await call(getOne, `${BASE}/${open.id}`, { headers: { "x-api-key": reader }, params: { id: open.id } });
    expect(one.status).toBe(200);
    expect(await one.json()).toEqual(open);

    await cancelLot(portal().db, open.id, { actor: mill, publicUrl: PUBLIC_URL });
    const cancelled = await call(getOne, `${BASE}/${open.id}`, {
      headers: { "x-api-key": reader },
      params: { id: open.id },
    });
    expect(await cancelled.json()).toMatchObject({ id: open.id, status: "cancelled" });

    const draft = await draftLot(mill);
    const hidden = await call(getOne, `${BASE}/${draft.id}`, {
      headers: { "x-api-key": reader },
      params: { id: draft.id },
    });
    expect(hidden.status).toBe(404);
    expect((await call(getOne, `${BASE}/${open.id}`, { params: { id: open.id } })).status).toBe(401);
  });
});
