import { user } from "@lotbridge/auth/tables";
import { call, type Handler, signIn } from "@lotbridge/http/testing/test-client";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as changePassword } from "@/app/api/account/password/route";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { POST as counter } from "@/app/api/bids/[id]/counter/route";
import { PUT as decideBid, GET as readBid, PATCH as reviseBid } from "@/app/api/bids/[id]/route";
import { POST as submitBid } from "@/app/api/bids/route";
import { GET as readContract } from "@/app/api/contracts/[id]/route";
import { GET as readEvents } from "@/app/api/events/route";
import { PUT as editLot, GET as readLot } from "@/app/api/lots/[id]/route";
import { GET as readExternalLot } from "@/app/api/lots/external/[id]/route";
import { GET as listExternalLots } from "@/app/api/lots/external/route";
import { POST as createLot } from "@/app/api/lots/route";
import { POST as addTeamMember } from "@/app/api/team/route";
import { lots } from "@/domain/lots/lot-table";
import { issueApiKey } from "@/integration/issue-api-key";
import { portal } from "@/server/portal";
import { bidInput, bidRowCounts, publishedLot } from "@/test/bids";
import { buyerOrganization, draftLot, lotInput, PASSWORD } from "@/test/lots";

const BASE = "http://localhost:3000";
const PRODUCER = "porg_farm";
let key: string;
let admin: string;
/** Changes (or tries to change) their password, which would end their sessions. */
let member: string;
let lotId: string;
let bidId: string;
let draftId: string;
let idempotency = 0;

/** Characters no text field takes, each with what the problem says about it. */
const unfit = [
  ["NUL", "\u0000", "U+0000"],
  ["U+0001", "\u0001", "U+0001"],
  ["a lone surrogate", "\ud800", "unpaired surrogate"],
] as const;

const stored = async () => ({
  ...(await bidRowCounts()),
  lots: await portal().db.$count(lots),
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

const asProducer = () => ({
  "x-api-key": key,
  "x-producer-organization": PRODUCER,
  "idempotency-key": `unfit-${++idempotency}`,
});

beforeAll(async () => {
  const mill = await buyerOrganization("Hamburg Mill");
  admin = await signIn(auth, BASE, `admin@${mill.slug}.example`, PASSWORD);
  member = await signIn(auth, BASE, `member@${mill.slug}.example`, PASSWORD);
  key = (
    await issueApiKey(portal().db, { name: "bids", platform: "producer-portal", scopes: ["bids:write", "lots:read"] })
  ).key;
  lotId = (await publishedLot(mill)).id;
  const placed = await call(submitBid, `${BASE}/api/bids`, { body: bidInput(lotId, PRODUCER), headers: asProducer() });
  expect(placed.status).toBe(201);
  bidId = (await placed.json()).id;
  draftId = (await draftLot(mill)).id;
});

type Route = [Handler, string, string, string, Record<string, unknown>, "session" | "key"];
/** Each body route (read when the test runs, once the ids exist): a valid body to spoil one field of, and its sender. */
const routes: Record<string, { fields: string[]; route: () => Route }> = {
  "create a lot": {
    fields: ["title", "commodity", "deliveryLocation", "description", "qualitySpecs", "paymentTerms"],
    route: () => [createLot, "POST", "/api/lots", "", lotInput(), "session"],
  },
  "edit a lot": {
    fields: ["title", "description"],
    route: () => [editLot, "PUT", `/api/lots/${draftId}`, draftId, lotInput(), "session"],
  },
  "submit a bid": {
    fields: ["externalBidId", "deliveryTerms", "message"],
    route: () => [submitBid, "POST", "/api/bids", "", bidInput(lotId, PRODUCER), "key"],
  },
  "revise a bid": {
    fields: ["message"],
    route: () => [reviseBid, "PATCH", `/api/bids/${bidId}`, bidId, { message: "Dried" }, "key"],
  },
  "reject a bid": {
    fields: ["reason"],
    route: () => [decideBid, "PUT", `/api/bids/${bidId}`, bidId, { action: "reject", reason: "Too dear" }, "session"],
  },
  "counter a bid": {
    fields: ["deliveryTerms", "message"],
    route: () => [
      counter,
      "POST",
      `/api/bids/${bidId}/counter`,
      bidId,
      {
        volume: "100",
        pricePerUnit: "240",
        message: "Halfway",
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
      "session",
    ],
  },
  "add a colleague": {
    fields: ["name"],
    route: () => [addTeamMember, "POST", "/api/team", "", { name: "Ben", email: "ben@mill.example" }, "session"],
  },
};

function send(name: string, change: Record<string, unknown>) {
  const [handler, method, path, id, valid, as] = routes[name].route();
  return call(handler, `${BASE}${path}`, {
    method,
    body: { ...valid, ...change },
    ...(as === "session" ? { cookie: admin } : { headers: asProducer() }),
    params: { id },
  });
}

describe("text fields refuse control characters and lone surrogates, naming the field and storing nothing", () => {
  for (const [route, { fields }] of Object.entries(routes)) {
    for (const field of fields) {
      it.each(unfit)(`${route}: %s in ${field} is a 422`, async (_, character, says) => {
        const before = await stored();
        await expectProblemNaming(await send(route, { [field]: `Wheat${character} 2027` }), field, 422, says);
        expect(await stored()).toEqual(before);
      });
    }
  }

  it("a lot's description and payment terms keep tabs and line breaks; its title keeps a tab", async () => {
    const response = await send("create a lot", {
      title: "Milling\twheat",
      description: "Harvest 2027\r\nProtein 13 %",
      paymentTerms: "30 days\n2 % discount within 10",
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      title: "Milling\twheat",
      description: "Harvest 2027\r\nProtein 13 %",
      paymentTerms: "30 days\n2 % discount within 10",
    });
  });

  it("a line break in a one-line field is refused", async () => {
    await expectProblemNaming(await send("create a lot", { title: "Milling\nwheat" }), "title", 422, "U+000A");
  });

  it("a new password with a lone surrogate is refused", async () => {
    const response = await call(changePassword, `${BASE}/api/account/password`, {
      body: { currentPassword: PASSWORD, newPassword: "horse\ud800battery-staple" },
      cookie: member,
    });
    await expectProblemNaming(response, "newPassword", 422, "unpaired surrogate");
  });
});

describe("dates and money out of range are refused before they are stored", () => {
  it.each([
    ["create a lot", "deliveryStart", "0000-01-01"],
    ["create a lot", "biddingDeadline", "0000-01-01T00:00:00Z"],
    ["submit a bid", "validUntil", "0000-01-01T00:00:00Z"],
    ["submit a bid", "pricePerUnit", "999999999999.999"],
    ["create a lot", "targetPrice", "999999999999.999"],
  ])("%s: %s %s is a 422", async (route, field, value) => {
    const before = await stored();
    await expectProblemNaming(await send(route, { [field]: value }), field);
    expect(await stored()).toEqual(before);
  });
});

describe("query parameters of the external API", () => {
  it.each([
    ["q", "q=wheat%00"],
    ["commodity", "commodity=Wheat%01"],
    ["updatedSince", "updatedSince=0000-01-01T00:00:00Z"],
    ["cursor", "cursor=99999999999999999999"],
    ["cursor", "cursor=1%00"],
  ])("GET /api/lots/external: a bad %s is a 422 naming it (%s)", async (field, query) => {
    const response = await call(listExternalLots, `${BASE}/api/lots/external?${query}`, {
      headers: { "x-api-key": key },
    });
    await expectProblemNaming(response, field);
  });

  it.each(["99999999999999999999", "1%00", "-1"])("GET /api/events: after=%s is a 422 naming it", async (after) => {
    const response = await call(readEvents, `${BASE}/api/events?after=${after}`, { headers: { "x-api-key": key } });
    await expectProblemNaming(response, "after");
  });
});

describe("ids in the path", () => {
  const reads: [string, Handler, "session" | "key"][] = [
    ["/api/lots/{id}", readLot, "session"],
    ["/api/lots/external/{id}", readExternalLot, "key"],
    ["/api/bids/{id}", readBid, "key"],
    ["/api/contracts/{id}", readContract, "session"],
  ];
  for (const [path, handler, as] of reads) {
    it.each(unfit)(`GET ${path}: %s in the id is a 404 naming it`, async (_, character) => {
      const response = await call(handler, `${BASE}${path.replace("{id}", "x")}`, {
        ...(as === "session" ? { cookie: admin } : { headers: asProducer() }),
        params: { id: `lot_a${character}` },
      });
      await expectProblemNaming(response, "id", 404);
    });
  }
});
