import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import type { Lot } from "@lotbridge/contract/lot";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { GET as listBids } from "@/app/api/bids/route";
import { producerBids } from "@/domain/bids/producer-bid-table";
import { applyLotSnapshot } from "@/domain/marketplace/apply-lot-snapshot";
import { portal } from "@/server/portal";
import { lotEvent, lotSnapshot } from "@/test/buyer-events";
import { POST as placeBid } from "./route";

const ORIGIN = "http://localhost:3001";
const DAY = 86_400_000;
let greenacre: string;
let hillside: string;
let greenacreId: string;
let wheat: Lot;

const form = (change: Record<string, unknown> = {}) => ({
  volume: "100",
  pricePerUnit: "240.50",
  currency: "EUR",
  deliveryTerms: "DAP Hamburg, September",
  message: "Harvest 2027",
  validUntil: new Date(Date.now() + 10 * DAY).toISOString(),
  ...change,
});

const bid = (lotId: string, body: unknown, cookie = greenacre) =>
  call(placeBid, `${ORIGIN}/api/marketplace/lots/${lotId}/bids`, { body, cookie, params: { id: lotId } });

async function publish(change: Partial<Lot>): Promise<Lot> {
  const lot = lotSnapshot(change);
  await portal().db.transaction((tx) => applyLotSnapshot(tx, lotEvent("lot.published", lot)));
  return lot;
}

const counts = async () => ({
  bids: await portal().db.$count(producerBids),
  calls: await portal().db.$count(outboxMessage),
});

beforeAll(async () => {
  const { db } = portal();
  ({ organizationId: greenacreId } = await createOrganizationWithUsers(db, { name: "Greenacre", slug: "greenacre" }, [
    { name: "Piet", email: "piet@greenacre.example", password: "correct-horse-battery", role: "member" },
  ]));
  await createOrganizationWithUsers(db, { name: "Hillside", slug: "hillside" }, [
    { name: "Hanna", email: "hanna@hillside.example", password: "correct-horse-battery", role: "member" },
  ]);
  greenacre = await signIn(auth, ORIGIN, "piet@greenacre.example", "correct-horse-battery");
  hillside = await signIn(auth, ORIGIN, "hanna@hillside.example", "correct-horse-battery");
  wheat = await publish({ volume: "500.000", allocatedVolume: "200.000", minBidVolume: "50.000" });
});

describe("POST /api/marketplace/lots/{id}/bids", () => {
  it("stores the bid as sending and queues exactly one POST /api/bids keyed by the bid's id", async () => {
    const response = await bid(wheat.id, form());
    expect(response.status).toBe(202);
    const placed = await response.json();
    expect(placed).toMatchObject({ lotId: wheat.id, state: "sending", buyerBidId: null, organizationId: greenacreId });

    const [row] = await portal().db.select().from(producerBids).where(eq(producerBids.id, placed.id));
    expect(row).toMatchObject({ state: "sending", volume: "100.000", pricePerUnit: "240.5000", currency: "EUR" });
    const calls = (await portal().db.select().from(outboxMessage)).filter((message) => message.eventId === placed.id);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      kind: "buyer-command",
      eventType: "bid.submit",
      destination: "buyer-portal",
      status: "pending",
    });
    expect(calls[0]).toMatchObject({
      payload: {
        lotId: wheat.id,
        externalBidId: placed.id,
        bidder: {
          organizationId: greenacreId,
          organizationName: "Greenacre",
          name: "Piet",
          email: "piet@greenacre.example",
        },
        ...form({ validUntil: expect.any(String) }),
      },
    });
  });

  it("allows the whole remaining volume even below the minimum", async () => {
    const tail = await publish({ volume: "500.000", allocatedVolume: "470.000", minBidVolume: "50.000" });
    expect((await bid(tail.id, form({ volume: "30" }))).status).toBe(202);
  });

  const closed = () => publish({ status: "closed" });
  const pastDeadline = () => publish({ biddingDeadline: new Date(Date.now() - DAY).toISOString() });
  const cases: [string, () => Promise<string>, Record<string, unknown>, number, string, string][] = [
    ["over the remaining volume", async () => wheat.id, { volume: "300.001" }, 422, "volume", "at most 300.000 t"],
    ["under the minimum", async () => wheat.id, { volume: "49.999" }, 422, "volume", "at least 50.000 t"],
    ["in the wrong currency", async () => wheat.id, { currency: "USD" }, 422, "currency", "must be EUR"],
    ["on a closed lot", async () => (await closed()).id, {}, 409, "lotId", "not open"],
    ["past the bidding deadline", async () => (await pastDeadline()).id, {}, 409, "lotId", "not open"],
    ["on an unknown lot", async () => "lot_doesnotexist", {}, 404, "lotId", "no such lot"],
    ["without a price", async () => wheat.id, { pricePerUnit: undefined }, 422, "pricePerUnit", "required"],
    ["with a number for a volume", async () => wheat.id, { volume: 100 }, 422, "volume", "decimal number"],
    [
      "valid until a past moment",
      async () => wheat.id,
      { validUntil: "2020-01-01T00:00:00Z" },
      422,
      "validUntil",
      "future",
    ],
  ];
  it.each(cases)(
    "refuses a bid %s, naming the field, and stores nothing",
    async (_, lotId, change, status, field, words) => {
      const id = await lotId();
      const before = await counts();
      const response = await bid(id, form(change));
      expect(response.status).toBe(status);
      const problem = await response.json();
      expect(problem.errors).toEqual([{ field, message: expect.stringContaining(words) }]);
      expect(await counts()).toEqual(before);
    },
  );
});

describe("GET /api/bids", () => {
  it("shows an organization only its own bids", async () => {
    const mine = await (await call(listBids, `${ORIGIN}/api/bids`, { cookie: greenacre })).json();
    expect(mine.data.length).toBeGreaterThan(0);
    expect(mine.data.every((b: { organizationId: string }) => b.organizationId === greenacreId)).toBe(true);
    const theirs = await (await call(listBids, `${ORIGIN}/api/bids`, { cookie: hillside })).json();
    expect(theirs.data).toEqual([]);
  });

  it("needs a session", async () => {
    expect((await call(listBids, `${ORIGIN}/api/bids`)).status).toBe(401);
  });
});
