import { bidSubmissionSchema } from "@lotbridge/contract/bid-submission";
import { call } from "@lotbridge/http/testing/test-client";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { bids } from "@/domain/bids/bid-table";
import { submitBid } from "@/domain/bids/submit-bid";
import { issueApiKey } from "@/integration/issue-api-key";
import { portal } from "@/server/portal";
import { bidInput, publishedLot } from "@/test/bids";
import { buyerOrganization, PUBLIC_URL } from "@/test/lots";
import { producerPlatform } from "@/test/platforms";
import { GET as list } from "./route";

const bid = (input: unknown) => bidSubmissionSchema.parse(input);

const BASE = "http://localhost:3000/api/bids";
let pp: { id: string; key: string };
let coop: Awaited<ReturnType<typeof producerPlatform>>;
let ours: string[] = []; // the producer portal's bids, oldest change first
const theirs: string[] = [];

beforeAll(async () => {
  const { db } = portal();
  const key = await issueApiKey(db, { name: "pp", platform: "producer-portal", scopes: ["lots:read", "bids:write"] });
  pp = { id: key.id, key: key.key };
  coop = await producerPlatform("coop-dashboard");
  const mill = await buyerOrganization("Hamburg Mill");
  for (const organization of ["porg_a", "porg_b", "porg_c"]) {
    const lot = await publishedLot(mill);
    const mine = await submitBid(
      db,
      { apiKeyId: pp.id, platform: "producer-portal" },
      bid(bidInput(lot.id, organization)),
      {
        publicUrl: PUBLIC_URL,
      },
    );
    ours.push(mine.id);
    // The other platform bids on the same lot for an organization of the same id, with the same external id.
    const other = await submitBid(
      db,
      { apiKeyId: coop.apiKeyId, platform: coop.id },
      { ...bid(bidInput(lot.id, organization)), externalBidId: mine.externalBidId },
      { publicUrl: PUBLIC_URL },
    );
    theirs.push(other.id);
  }
});

const get = (query: string, apiKey = pp.key, headers: Record<string, string> = {}) =>
  call(list, `${BASE}${query}`, { headers: { "x-api-key": apiKey, ...headers } });

async function allPages(query: string, apiKey = pp.key, headers: Record<string, string> = {}) {
  const ids: string[] = [];
  let cursor = "";
  for (let pages = 0; pages < 20; pages++) {
    const response = await get(`${query}${cursor}`, apiKey, headers);
    expect(response.status).toBe(200);
    const page = await response.json();
    ids.push(...page.data.map((bid: { id: string }) => bid.id));
    if (!page.nextCursor) return ids;
    cursor = `&cursor=${page.nextCursor}`;
  }
  throw new Error("paging never ended");
}

describe("GET /api/bids", () => {
  it("lists only the calling platform's bids, every one once across pages, least recently changed first", async () => {
    expect(await allPages("?limit=2")).toEqual(ours);
    expect(await allPages("?limit=1", coop.key)).toEqual(theirs);
    const page = await (await get("?limit=100")).json();
    expect(page.nextCursor).toBeNull();
    expect(page.data[0]).toMatchObject({ id: ours[0], status: "submitted", offers: [{ round: 1 }] });
  });

  it("narrows to one producer organization with X-Producer-Organization, and to what changed since a moment", async () => {
    expect(await allPages("?limit=5", pp.key, { "x-producer-organization": "porg_b" })).toEqual([ours[1]]);
    const { db } = portal();
    const later = new Date(Date.now() + 60_000);
    await db.update(bids).set({ updatedAt: later }).where(eq(bids.id, ours[0]));
    ours = [...ours.slice(1), ours[0]];
    expect(await allPages(`?updatedSince=${encodeURIComponent(new Date(later.getTime() - 1).toISOString())}`)).toEqual([
      ours[2],
    ]);
    expect(await allPages("?limit=2")).toEqual(ours);
  });

  it("refuses a bad query naming the field, and a key without bids:write", async () => {
    for (const [query, field] of [
      ["?limit=0", "limit"],
      ["?limit=101", "limit"],
      ["?updatedSince=yesterday", "updatedSince"],
      ["?cursor=not-a-cursor", "cursor"],
      [
        `?cursor=${Buffer.from(JSON.stringify(["2026-02-30T00:00:00.000000Z", "bid_x"])).toString("base64url")}`,
        "cursor",
      ],
    ]) {
      const response = await get(query);
      expect(response.status, query).toBe(422);
      expect((await response.json()).errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const reader = await issueApiKey(portal().db, { name: "r", platform: "producer-portal", scopes: ["lots:read"] });
    expect((await get("", reader.key)).status).toBe(403);
    expect((await call(list, BASE)).status).toBe(401);
  });
});
