import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import type { Lot } from "@lotbridge/contract/lot";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { applyLotSnapshot } from "@/domain/marketplace/apply-lot-snapshot";
import { marketLots } from "@/domain/marketplace/market-lot-table";
import { portal } from "@/server/portal";
import { lotEvent, lotSnapshot } from "@/test/buyer-events";
import { GET as getLot } from "./[id]/route";
import { GET as listLots } from "./route";

const BASE = "http://localhost:3001/api/marketplace/lots";
const DAY = 86_400_000;
let producer: string;
const lots: Record<string, Lot> = {};

const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

beforeAll(async () => {
  const { db } = portal();
  await createOrganizationWithUsers(db, { name: "Greenacre", slug: "greenacre" }, [
    { name: "Piet", email: "piet@greenacre.example", password: "correct-horse-battery", role: "member" },
  ]);
  producer = await signIn(auth, "http://localhost:3001", "piet@greenacre.example", "correct-horse-battery");
  const catalogue: [string, Partial<Lot>][] = [
    [
      "wheat",
      {
        title: "Milling wheat",
        commodity: "Wheat",
        volume: "1200.000",
        biddingDeadline: inDays(3),
        publishedAt: inDays(-5),
        deliveryStart: "2027-09-01",
        deliveryEnd: "2027-09-30",
        deliveryLocation: "Northfield Mill, Hamburg",
      },
    ],
    [
      "barley",
      {
        title: "Feed barley",
        commodity: "Barley",
        volume: "600.000",
        biddingDeadline: inDays(1),
        publishedAt: inDays(-2),
        deliveryStart: "2027-10-01",
        deliveryEnd: "2027-10-31",
        deliveryLocation: "Feed plant, Lüneburg",
      },
    ],
    [
      "rapeseed",
      {
        title: "Rapeseed 00 for crushing",
        commodity: "Rapeseed",
        volume: "3000.000",
        biddingDeadline: inDays(9),
        publishedAt: inDays(-1),
        deliveryStart: "2027-08-01",
        deliveryEnd: "2027-08-31",
        deliveryLocation: "Port of Rouen",
        description: "ISCC EU certified, 100% traceable",
      },
    ],
    [
      "maize",
      {
        title: "Yellow maize",
        commodity: "Maize",
        volume: "5000.000",
        allocatedVolume: "1250.500",
        biddingDeadline: inDays(2),
        publishedAt: inDays(-3),
        deliveryStart: "2027-11-01",
        deliveryEnd: "2027-12-15",
        deliveryLocation: "Port of Constanța",
        buyerOrganization: { id: "org_river", name: "Riverside Grain Traders" },
      },
    ],
    [
      "oats",
      {
        title: "Milling oats",
        commodity: "Oats",
        volume: "300.000",
        biddingDeadline: inDays(5),
        publishedAt: inDays(-4),
        deliveryStart: "2027-09-15",
        deliveryEnd: "2027-09-30",
        deliveryLocation: "Northfield Mill, Hamburg",
      },
    ],
    [
      "expired",
      { title: "Wheat past its deadline", commodity: "Wheat", biddingDeadline: inDays(-1), publishedAt: inDays(-9) },
    ],
  ];
  for (const [key, change] of catalogue) {
    lots[key] = lotSnapshot(change);
    await db.transaction((tx) => applyLotSnapshot(tx, lotEvent("lot.published", lots[key])));
  }
  const closed = lotSnapshot({ title: "Closed wheat", commodity: "Wheat", status: "closed" });
  await db.transaction((tx) => applyLotSnapshot(tx, lotEvent("lot.closed", closed)));
});

async function search(query: string) {
  const response = await call(listLots, `${BASE}?${query}`, { cookie: producer });
  expect(response.status).toBe(200);
  return (await response.json()) as { data: (Lot & { remainingVolume: string })[]; nextCursor: string | null };
}
const keys = async (query: string) => {
  const names = Object.fromEntries(Object.entries(lots).map(([key, lot]) => [lot.id, key]));
  return (await search(query)).data.map((lot) => names[lot.id] ?? lot.title);
};

describe("GET /api/marketplace/lots", () => {
  it("lists lots open for bids, soonest deadline first: no closed lot, none past its deadline", async () => {
    expect(await keys("")).toEqual(["barley", "maize", "wheat", "oats", "rapeseed"]);
  });

  it("sorts by newest publication on request", async () => {
    expect(await keys("sort=newest")).toEqual(["rapeseed", "barley", "maize", "oats", "wheat"]);
  });

  it("finds every word in the lot's text, matching commodity in any case and part of the location", async () => {
    expect(await keys("q=milling%20hamburg")).toEqual(["wheat", "oats"]);
    expect(await keys("q=riverside")).toEqual(["maize"]);
    expect(await keys("q=100%25")).toEqual(["rapeseed"]);
    expect(await keys("commodity=wheat")).toEqual(["wheat"]);
    expect(await keys("location=hamburg")).toEqual(["wheat", "oats"]);
  });

  it("finds words of one or two letters (too short for the trigram index), in any case", async () => {
    expect(await keys("q=yE")).toEqual(["maize"]);
    expect(await keys("q=%C8%9B")).toEqual(["maize"]);
    expect(await keys("q=00%20crushing")).toEqual(["rapeseed"]);
  });

  it("filters by a delivery window the lot's overlaps, and by the lot's volume", async () => {
    expect(await keys("deliveryFrom=2027-09-20&deliveryTo=2027-10-05")).toEqual(["barley", "wheat", "oats"]);
    expect(await keys("deliveryFrom=2027-12-01")).toEqual(["maize"]);
    expect(await keys("minVolume=600&maxVolume=3000")).toEqual(["barley", "wheat", "rapeseed"]);
  });

  it("treats empty fields of the search form as 'any'", async () => {
    expect(await keys("q=&commodity=&location=&deliveryFrom=&deliveryTo=&minVolume=&maxVolume=&sort=")).toHaveLength(5);
  });

  it("answers each lot with the remaining volume, computed exactly", async () => {
    const maize = (await search("q=maize")).data[0];
    expect(maize).toEqual({ ...lots.maize, remainingVolume: "3749.500" });
  });

  it("pages with a cursor in either sort, every lot exactly once", async () => {
    for (const sort of ["deadline", "newest"]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await search(`sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
        expect(page.data.length).toBeLessThanOrEqual(2);
        seen.push(...page.data.map((lot) => lot.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual((await search(`sort=${sort}`)).data.map((lot) => lot.id));
    }
  });

  it("refuses bad parameters with 422 naming each, and a cursor of another sort", async () => {
    const page = await search("limit=2");
    for (const [query, field] of [
      ["limit=500", "limit"],
      ["deliveryFrom=next-week", "deliveryFrom"],
      ["deliveryFrom=2027-10-01&deliveryTo=2027-09-01", "deliveryTo"],
      ["minVolume=-5", "minVolume"],
      ["minVolume=500&maxVolume=100", "maxVolume"],
      ["sort=cheapest", "sort"],
      ["cursor=garbage", "cursor"],
      [`sort=newest&cursor=${page.nextCursor}`, "cursor"],
    ]) {
      const response = await call(listLots, `${BASE}?${query}`, { cookie: producer });
      expect(response.status, query).toBe(422);
      expect((await response.json()).errors[0].field, query).toBe(field);
    }
  });

  it("answers 401 without a session", async () => {
    expect((await call(listLots, BASE)).status).toBe(401);
    const id = lots.wheat.id;
    expect((await call(getLot, `${BASE}/${id}`, { params: { id } })).status).toBe(401);
  });
});

describe("GET /api/marketplace/lots/{id}", () => {
  it("answers one lot with every field, and 404 for a lot the replica does not know", async () => {
    const id = lots.wheat.id;
    const response = await call(getLot, `${BASE}/${id}`, { cookie: producer, params: { id } });
    expect(await response.json()).toEqual({ ...lots.wheat, remainingVolume: "1200.000" });
    expect(
      (await call(getLot, `${BASE}/lot_unknown`, { cookie: producer, params: { id: "lot_unknown" } })).status,
    ).toBe(404);
    expect(await portal().db.$count(marketLots)).toBe(7);
  });
});
