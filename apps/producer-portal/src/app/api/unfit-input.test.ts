import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { user } from "@lotbridge/auth/tables";
import type { Lot } from "@lotbridge/contract/lot";
import { call, type Handler, signIn } from "@lotbridge/http/testing/test-client";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as changePassword } from "@/app/api/account/password/route";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { POST as counterBack } from "@/app/api/bids/[id]/counter-offers/route";
import { GET as readBid, PATCH as reviseBid } from "@/app/api/bids/[id]/route";
import { GET as readContractDocument } from "@/app/api/contracts/[id]/document/route";
import { GET as readContract } from "@/app/api/contracts/[id]/route";
import { POST as placeBid } from "@/app/api/marketplace/lots/[id]/bids/route";
import { GET as readMarketLot } from "@/app/api/marketplace/lots/[id]/route";
import { GET as searchMarketplace } from "@/app/api/marketplace/lots/route";
import { GET as listNotifications } from "@/app/api/notifications/route";
import { POST as addTeamMember } from "@/app/api/team/route";
import { producerBids } from "@/domain/bids/producer-bid-table";
import { applyLotSnapshot } from "@/domain/marketplace/apply-lot-snapshot";
import { portal } from "@/server/portal";
import { lotEvent, lotSnapshot } from "@/test/buyer-events";

const ORIGIN = "http://localhost:3001";
const DAY = 86_400_000;
const PASSWORD = "correct-horse-battery";
let admin: string;
/** Changes (or tries to change) their password, which would end their sessions. */
let member: string;
let wheat: Lot;
let submittedBidId: string;

/** Characters no text field takes, each with what the problem says about it. */
const unfit = [
  ["NUL", "\u0000", "U+0000"],
  ["U+0001", "\u0001", "U+0001"],
  ["a lone surrogate", "\ud800", "unpaired surrogate"],
] as const;

const bidForm = (change: Record<string, unknown> = {}) => ({
  volume: "100",
  pricePerUnit: "240.50",
  currency: "EUR",
  deliveryTerms: "DAP Hamburg, September",
  message: "Harvest 2027",
  validUntil: new Date(Date.now() + 10 * DAY).toISOString(),
  ...change,
});

const stored = async () => ({
  bids: await portal().db.$count(producerBids),
  calls: await portal().db.$count(outboxMessage),
  users: await portal().db.$count(user),
});

async function expectProblemNaming(response: Response, field: string, status = 422, says?: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  const problem = await response.json();
  const named = problem.errors?.find((error: { field: string }) => error.field === field);
  expect(named, JSON.stringify(problem)).toBeDefined();
  if (says) expect(named.message).toContain(says);
}

beforeAll(async () => {
  await createOrganizationWithUsers(portal().db, { name: "Greenacre", slug: "greenacre" }, [
    { name: "Piet", email: "piet@greenacre.example", password: PASSWORD, role: "admin" },
    { name: "Pia", email: "pia@greenacre.example", password: PASSWORD, role: "member" },
  ]);
  admin = await signIn(auth, ORIGIN, "piet@greenacre.example", PASSWORD);
  member = await signIn(auth, ORIGIN, "pia@greenacre.example", PASSWORD);
  wheat = lotSnapshot({ volume: "500.000", allocatedVolume: "0.000", minBidVolume: "50.000" });
  await portal().db.transaction((tx) => applyLotSnapshot(tx, lotEvent("lot.published", wheat)));
  const placed = await call(placeBid, `${ORIGIN}/api/marketplace/lots/${wheat.id}/bids`, {
    body: bidForm(),
    cookie: admin,
    params: { id: wheat.id },
  });
  expect(placed.status).toBe(202);
  submittedBidId = (await placed.json()).id;
  await portal().db.update(producerBids).set({ state: "submitted", buyerBidId: "bid_ofsubmitted", version: 1 });
});

/** Each body route, and a valid body to spoil one field of. */
const bodies: [string, Handler, () => string, Record<string, unknown>, string[]][] = [
  ["place a bid", placeBid, () => `/api/marketplace/lots/${wheat.id}/bids`, bidForm(), ["deliveryTerms", "message"]],
  [
    "revise a bid",
    reviseBid,
    () => `/api/bids/${submittedBidId}`,
    { message: "Now dried" },
    ["deliveryTerms", "message"],
  ],
  [
    "counter back",
    counterBack,
    () => `/api/bids/${submittedBidId}/counter-offers`,
    {
      volume: "100",
      pricePerUnit: "241",
      message: "Meet halfway",
      expiresAt: new Date(Date.now() + 2 * DAY).toISOString(),
    },
    ["deliveryTerms", "message"],
  ],
  ["add a colleague", addTeamMember, () => "/api/team", { name: "Ben", email: "ben@greenacre.example" }, ["name"]],
];

const send = (handler: Handler, path: string, body: unknown) => {
  const id = path.split("/")[path.startsWith("/api/marketplace") ? 4 : 3];
  return call(handler, `${ORIGIN}${path}`, {
    method: handler === reviseBid ? "PATCH" : "POST",
    body,
    cookie: admin,
    params: { id },
  });
};

describe("text fields refuse control characters and lone surrogates, naming the field and storing nothing", () => {
  for (const [route, handler, path, valid, fields] of bodies) {
    for (const field of fields) {
      it.each(unfit)(`${route}: %s in ${field} is a 422`, async (_, character, says) => {
        const before = await stored();
        await expectProblemNaming(
          await send(handler, path(), { ...valid, [field]: `Harvest${character} 2027` }),
          field,
          422,
          says,
        );
        expect(await stored()).toEqual(before);
      });
    }
  }

  it("a bid's message and delivery terms keep tabs and line breaks", async () => {
    const response = await send(placeBid, `/api/marketplace/lots/${wheat.id}/bids`, {
      ...bidForm(),
      deliveryTerms: "DAP Hamburg\tSeptember",
      message: "Harvest 2027\r\nProtein 13 %",
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({
      deliveryTerms: "DAP Hamburg\tSeptember",
      message: "Harvest 2027\r\nProtein 13 %",
    });
  });

  it("a new password with NUL is refused", async () => {
    const response = await call(changePassword, `${ORIGIN}/api/account/password`, {
      body: { currentPassword: PASSWORD, newPassword: "horse\u0000battery-staple" },
      cookie: member,
    });
    await expectProblemNaming(response, "newPassword", 422, "U+0000");
  });
});

describe("a bid the producer portal cannot store is refused before it is stored", () => {
  it.each([
    ["pricePerUnit", { pricePerUnit: "999999999999.999" }],
    ["validUntil", { validUntil: "0000-01-01T00:00:00Z" }],
  ])("%s out of range is a 422", async (field, change) => {
    const before = await stored();
    await expectProblemNaming(await send(placeBid, `/api/marketplace/lots/${wheat.id}/bids`, bidForm(change)), field);
    expect(await stored()).toEqual(before);
  });

  it("the largest price both portals store is accepted", async () => {
    const response = await send(
      placeBid,
      `/api/marketplace/lots/${wheat.id}/bids`,
      bidForm({ pricePerUnit: "99999999999.9999" }),
    );
    expect(response.status).toBe(202);
  });
});

describe("query parameters", () => {
  const forged = (cursor: unknown) => Buffer.from(JSON.stringify(cursor)).toString("base64url");
  it.each([
    ["q", "q=wheat%00"],
    ["commodity", "commodity=%01Wheat"],
    ["location", "location=Hamburg%7F"],
    ["deliveryFrom", "deliveryFrom=0000-01-01"],
    ["deliveryTo", "deliveryTo=0000-01-01"],
    ["cursor", `cursor=${forged({ sort: "deadline", key: "not a time", id: "lot_a" })}`],
    ["cursor", `cursor=${forged({ sort: "deadline", key: "2026-02-31T00:00:00.000000Z", id: "lot_a" })}`],
    ["cursor", `cursor=${forged({ sort: "deadline", key: "2026-08-15T12:00:00.000000Z", id: "lot_\u0000" })}`],
  ])("marketplace search: a bad %s is a 4xx naming it (%s)", async (field, query) => {
    const response = await call(searchMarketplace, `${ORIGIN}/api/marketplace/lots?${query}`, { cookie: admin });
    await expectProblemNaming(response, field);
  });

  it("the cursor of a real page still leads to the next", async () => {
    const second = lotSnapshot({ volume: "500.000", allocatedVolume: "0.000", minBidVolume: "50.000" });
    await portal().db.transaction((tx) => applyLotSnapshot(tx, lotEvent("lot.published", second)));
    const first = await (
      await call(searchMarketplace, `${ORIGIN}/api/marketplace/lots?limit=1`, { cookie: admin })
    ).json();
    expect(first.nextCursor).toEqual(expect.any(String));
    const next = await call(searchMarketplace, `${ORIGIN}/api/marketplace/lots?limit=1&cursor=${first.nextCursor}`, {
      cookie: admin,
    });
    expect(next.status).toBe(200);
    expect((await next.json()).data[0].id).not.toBe(first.data[0].id);
  });

  it.each([
    ["type", "type=lot%00"],
    ["before", "before=ntf_%00"],
  ])("notifications: a bad %s is a 422 naming it", async (field, query) => {
    const response = await call(listNotifications, `${ORIGIN}/api/notifications?${query}`, { cookie: admin });
    await expectProblemNaming(response, field);
  });
});

describe("ids in the path", () => {
  const reads: [string, Handler][] = [
    ["/api/marketplace/lots/", readMarketLot],
    ["/api/bids/", readBid],
    ["/api/contracts/", readContract],
    ["/api/contracts/{id}/document", readContractDocument],
  ];
  for (const [path, handler] of reads) {
    it.each(unfit)(`GET ${path}: %s in the id is a 404 naming it`, async (_, character) => {
      const id = `lot_a${character}`;
      const response = await call(handler, `${ORIGIN}${path.replace("{id}", "x")}`, {
        cookie: admin,
        params: { id },
      });
      await expectProblemNaming(response, "id", 404);
    });
  }

  it("a NUL in the id of a bid being placed stores nothing", async () => {
    const before = await stored();
    const response = await call(placeBid, `${ORIGIN}/api/marketplace/lots/x/bids`, {
      body: bidForm(),
      cookie: admin,
      params: { id: "lot_\u0000" },
    });
    await expectProblemNaming(response, "id", 404);
    expect(await stored()).toEqual(before);
  });
});
