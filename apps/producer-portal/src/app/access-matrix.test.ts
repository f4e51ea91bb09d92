import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { createOrganizationWithUsers, insertUser } from "@lotbridge/auth/create-account";
import { currentMember } from "@lotbridge/auth/current-member";
import { operatorGrant } from "@lotbridge/auth/operator-grant-table";
import { member } from "@lotbridge/auth/tables";
import type { Contract } from "@lotbridge/contract/contract";
import { documentHashOf } from "@lotbridge/documents/contract-document";
import { renderSettlement, settlementFilename } from "@lotbridge/documents/settlement-document";
import { call, type Handler, signIn } from "@lotbridge/http/testing/test-client";
import { newWebhookSecret } from "@lotbridge/webhooks/new-webhook-secret";
import { inboxMessage } from "@lotbridge/webhooks/tables";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { applyLotSnapshot } from "@/domain/marketplace/apply-lot-snapshot";
import { saveSearch } from "@/domain/saved-searches/save-search";
import { savedSearchInputSchema } from "@/domain/saved-searches/saved-search-input";
import { handleBuyerEvent } from "@/integration/handle-buyer-event";
import { portal } from "@/server/portal";
import { eventId, lotEvent, lotSnapshot, pingEvent, signedHeaders } from "@/test/buyer-events";
import {
  activeContractSnapshot,
  buyerEvent,
  contractSnapshot,
  deliveredContract,
  holdBid,
  holdBidOfContract,
  ticketSnapshot,
} from "@/test/negotiation-snapshots";

const PASSWORD = "correct-horse-battery";

/*
 * The producer portal's whole surface — every route.ts method and every page, found on disk — against who may use it.
 * A route or page without an entry here, or an entry without a file, fails the first test: a new endpoint cannot ship
 * without someone deciding who reaches it.
 */

const APP = dirname(fileURLToPath(import.meta.url));
const BASE = "http://localhost:3001";
const ROLES = ["anonymous", "otherMember", "otherAdmin", "member", "admin", "operator"] as const;
type Role = (typeof ROLES)[number];

/**
 * allow: 2xx. through: the guard let the caller through and the domain answered (2xx, or a 4xx other than
 * 401/403/404 — e.g. 409 for a state the fresh record is not in, or 422 for a body that is not the right one).
 * 401 / 403 / 404: exactly that, and no table changed. signature: authenticated by a Standard Webhooks signature
 * only, so an unsigned call is 401 whatever session it carries, and no table changed. public: 2xx for everyone.
 */
type Outcome = "allow" | "through" | "401" | "403" | "404" | "signature" | "public";
type Cells = Record<Role, Outcome>;
/** The own organization's records a [param] is filled with; made afresh for every cell. */
type Fixture =
  | "marketLot"
  | "bid"
  | "counteredBid"
  | "contract"
  | "activeContract"
  | "settledContract"
  | "teamMember"
  | "failedEvent"
  | "savedSearch";

interface Entry {
  cells: Cells;
  params?: Fixture;
  /** A body valid enough to reach the organization check (a foreign id must be 404, not a 400 on the body). */
  body?: unknown;
  /** The URL to call when the route's own path is not callable as is (catch-all). */
  url?: string;
  headers?: Record<string, string>;
}

// The other organization's people reach nothing of the own organization: its ids are 404 to them.
const scoped = (own: Outcome): Cells => ({
  anonymous: "401",
  otherMember: "404",
  otherAdmin: "404",
  member: own,
  admin: own,
  operator: own,
});
// Lists and the caller's own things: every signed-in person, each seeing their own organization (proved below).
const signedIn = (outcome: Outcome): Cells => ({
  anonymous: "401",
  otherMember: outcome,
  otherAdmin: outcome,
  member: outcome,
  admin: outcome,
  operator: outcome,
});
// A person's own things (saved searches): theirs alone; a colleague's or another organization's are 404 to anyone else.
const personal = (own: Outcome): Cells => ({
  anonymous: "401",
  otherMember: "404",
  otherAdmin: "404",
  member: own,
  admin: "404",
  operator: "404",
});
const operatorOnly = (outcome: Outcome): Cells => ({
  anonymous: "401",
  otherMember: "403",
  otherAdmin: "403",
  member: "403",
  admin: "403",
  operator: outcome,
});
const signatureOnly: Cells = {
  anonymous: "signature",
  otherMember: "signature",
  otherAdmin: "signature",
  member: "signature",
  admin: "signature",
  operator: "signature",
};
const everyone = (outcome: Outcome): Cells => ({
  anonymous: outcome,
  otherMember: outcome,
  otherAdmin: outcome,
  member: outcome,
  admin: outcome,
  operator: outcome,
});

const DAY = 86_400_000;
const bidForm = () => ({
  volume: "60",
  pricePerUnit: "240",
  currency: "EUR",
  deliveryTerms: "DAP Hamburg",
  message: "",
  validUntil: new Date(Date.now() + 5 * DAY).toISOString(),
});
const counter = () => ({ volume: "60", pricePerUnit: "240", expiresAt: new Date(Date.now() + 2 * DAY).toISOString() });

const routes: Record<string, Entry> = {
  "POST /api/account/password": {
    cells: signedIn("through"), // a wrong current password is a 422: the guard let them through, nothing changes
    body: { currentPassword: "not-the-password", newPassword: "another-long-password" },
  },
  "GET /api/admin/integration": { cells: operatorOnly("allow") },
  "POST /api/admin/inbox/[eventId]/replay": { cells: operatorOnly("allow"), params: "failedEvent" },
  "GET /api/auth/[...all]": { cells: everyone("public"), url: "/api/auth/get-session" },
  // Sign-in itself is public: wrong credentials are a 401 for anyone, whatever cookie they hold.
  "POST /api/auth/[...all]": {
    cells: everyone("401"),
    url: "/api/auth/sign-in/email",
    body: { email: "nobody@nowhere.example", password: "wrong-password-1" },
    headers: { "x-forwarded-for": "198.51.100.77" },
  },
  "GET /api/bids": { cells: signedIn("allow") },
  "GET /api/bids/[id]": { cells: scoped("allow"), params: "bid" },
  "PATCH /api/bids/[id]": { cells: scoped("allow"), params: "bid", body: { message: "Revised" } },
  "POST /api/bids/[id]/withdraw": { cells: scoped("allow"), params: "bid" },
  "POST /api/bids/[id]/counter-offers": { cells: scoped("allow"), params: "counteredBid", body: counter },
  "POST /api/bids/[id]/counter-offers/[offerId]/accept": { cells: scoped("allow"), params: "counteredBid" },
  "POST /api/bids/[id]/counter-offers/[offerId]/reject": { cells: scoped("allow"), params: "counteredBid" },
  "GET /api/contracts": { cells: signedIn("allow") },
  "GET /api/contracts/[id]": { cells: scoped("allow"), params: "contract" },
  "GET /api/contracts/[id]/document": { cells: scoped("allow"), params: "contract" },
  "POST /api/contracts/[id]/signatures": { cells: scoped("allow"), params: "contract" },
  "POST /api/contracts/[id]/dispatches": {
    cells: scoped("allow"),
    params: "activeContract",
    body: { plannedDate: "2027-09-03", vehicleReference: "HH-MX 1", estimatedWeight: "24", note: "" },
  },
  "GET /api/contracts/[id]/settlement": { cells: scoped("allow"), params: "settledContract" },
  "GET /api/health": { cells: everyone("public") },
  // CSV downloads of the organization's own bids and contracts (proved scoped in domain/exports/exports.test.ts).
  "GET /bids.csv": { cells: signedIn("allow") },
  "GET /contracts.csv": { cells: signedIn("allow") },
  // The marketplace is every producer's: any signed-in producer reads a published lot and bids on it.
  "GET /api/marketplace/lots": { cells: signedIn("allow") },
  "GET /api/marketplace/lots/[id]": { cells: signedIn("allow"), params: "marketLot" },
  "POST /api/marketplace/lots/[id]/bids": { cells: signedIn("allow"), params: "marketLot", body: bidForm },
  "GET /api/me": { cells: signedIn("allow") },
  "GET /api/notifications": { cells: signedIn("allow") },
  "GET /api/notifications/preferences": { cells: signedIn("allow") },
  "PUT /api/notifications/preferences": { cells: signedIn("allow"), body: { type: "lot.closed", email: false } },
  "POST /api/notifications/read": { cells: signedIn("allow"), body: { all: true } },
  "GET /api/notifications/stream": { cells: signedIn("allow") },
  "POST /api/notifications/test": { cells: signedIn("allow") },
  // Saved searches belong to the membership that saved them (the fixture is the member's).
  "GET /api/saved-searches": { cells: signedIn("allow") },
  "POST /api/saved-searches": { cells: signedIn("allow"), body: () => ({ name: `Matrix ${randomUUID()}` }) },
  "PATCH /api/saved-searches/[id]": {
    cells: personal("allow"),
    params: "savedSearch",
    body: () => ({ name: `Renamed ${randomUUID()}` }),
  },
  "DELETE /api/saved-searches/[id]": { cells: personal("allow"), params: "savedSearch" },
  // Team administration is for the organization's admins; a member is refused before any lookup (403).
  "GET /api/team": { cells: signedIn("allow") },
  "POST /api/team": {
    cells: { ...signedIn("allow"), otherMember: "403", member: "403", operator: "403" },
    body: () => ({ name: "New Colleague", email: `new-${randomUUID()}@matrix.example`, role: "member" }),
  },
  "DELETE /api/team/[userId]": {
    cells: { ...scoped("allow"), otherMember: "403", member: "403", operator: "403" },
    params: "teamMember",
  },
  "POST /api/team/[userId]/password": {
    cells: { ...scoped("allow"), otherMember: "403", member: "403", operator: "403" },
    params: "teamMember",
  },
  "POST /api/webhooks/buyer": { cells: signatureOnly, body: () => JSON.stringify(pingEvent()) },
};

/**
 * member: under (portal), whose layout sends anyone without a membership to /sign-in. scoped: also answers
 * notFound() for an id its organization-filtered query does not find. operator: notFound() unless isOperator.
 */
type PageRule = "public" | "member" | "scoped" | "operator";
const pages: Record<string, PageRule> = {
  "PAGE /": "member",
  "PAGE /account": "member",
  "PAGE /bids": "member",
  "PAGE /bids/[id]": "scoped",
  "PAGE /contracts": "member",
  "PAGE /contracts/[id]": "scoped",
  "PAGE /dev/mailbox": "member",
  "PAGE /integration": "operator",
  "PAGE /lots/[id]": "member", // the marketplace: every producer's
  "PAGE /notifications": "member",
  "PAGE /notifications/settings": "member",
  "PAGE /saved-searches": "member",
  "PAGE /team": "member",
  "PAGE /sign-in": "public",
};

// ---- the surface on disk ----

const files = (readdirSync(APP, { recursive: true }) as string[]).map((f) => f.split(sep).join("/"));
const urlPath = (file: string) =>
  `/${file
    .split("/")
    .slice(0, -1)
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .join("/")}`;
const routeFiles = files.filter((f) => f.endsWith("/route.ts"));
const pageFiles = files.filter((f) => f === "page.tsx" || f.endsWith("/page.tsx"));
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

const handlers = new Map<string, Handler>();
const pageSources = new Map<string, string>();

beforeAll(async () => {
  for (const file of routeFiles) {
    const module = (await import(join(APP, file))) as Record<string, Handler | undefined>;
    for (const method of METHODS) {
      const handler = module[method];
      if (handler) handlers.set(`${method} ${urlPath(file)}`, handler);
    }
  }
  for (const file of pageFiles) pageSources.set(`PAGE ${urlPath(file)}`, readFileSync(join(APP, file), "utf8"));
});

describe("the access matrix", () => {
  it("names every route method and page on disk, and nothing that is not there", () => {
    const onDisk = [...handlers.keys(), ...pageSources.keys()].sort();
    const written = [...Object.keys(routes), ...Object.keys(pages)].sort();
    expect({
      "on disk, with no entry in the matrix": onDisk.filter((key) => !written.includes(key)),
      "in the matrix, with no file": written.filter((key) => !onDisk.includes(key)),
    }).toEqual({ "on disk, with no entry in the matrix": [], "in the matrix, with no file": [] });
  });
});

// ---- people and records ----

const cookies = {} as Record<Role, string | undefined>;
let own: { organizationId: string; userId: string; memberUserId: string };

async function organization(name: string, people: Role[]) {
  const slug = `${name.toLowerCase().replace(/\W+/g, "-")}`;
  const users = people.map((role) => ({
    name: `${name} ${role}`,
    email: `${role.toLowerCase()}@${slug}.example`,
    password: PASSWORD,
    role: role === "admin" || role === "otherAdmin" ? ("admin" as const) : ("member" as const),
  }));
  const created = await createOrganizationWithUsers(portal().db, { name, slug }, users);
  for (const [index, role] of people.entries()) {
    cookies[role] = await signIn(auth(), BASE, users[index].email, PASSWORD);
  }
  return created;
}
const auth = () => handlers.get("POST /api/auth/[...all]") as Handler;

beforeAll(async () => {
  const { db } = portal();
  const farm = await organization("Matrix Farm", ["admin", "member", "operator"]);
  own = { organizationId: farm.organizationId, userId: farm.userIds[0], memberUserId: farm.userIds[1] };
  await organization("Neighbour Farm", ["otherAdmin", "otherMember"]);
  const operator = await currentMember(portal().auth, db, new Headers({ cookie: cookies.operator as string }));
  await db.insert(operatorGrant).values({ memberId: operator?.memberId as string, grantedBy: "access-matrix.test" });
});

async function holdContract(contract: Contract): Promise<Contract> {
  await holdBidOfContract(contract);
  await portal().db.transaction((tx) =>
    handleBuyerEvent(tx, buyerEvent("contract.created", contract), { publicUrl: BASE }),
  );
  return contract;
}

async function marketLot() {
  const lot = lotSnapshot();
  await portal().db.transaction((tx) => applyLotSnapshot(tx, lotEvent("lot.published", lot)));
  return lot;
}
let teamCount = 0;
const fixtures: Record<Fixture, () => Promise<Record<string, string>>> = {
  marketLot: async () => ({ id: (await marketLot()).id }),
  bid: async () => ({
    id: (await holdBid(`pbid_${eventId()}`, own.organizationId, await marketLot(), "submitted")).id,
  }),
  counteredBid: async () => {
    const bid = await holdBid(`pbid_${eventId()}`, own.organizationId, await marketLot(), "countered");
    const offers = bid.offers as { id: string; status: string }[];
    return { id: bid.id, offerId: offers.find((offer) => offer.status === "pending")?.id as string };
  },
  contract: async () => ({ id: (await holdContract(contractSnapshot(own.organizationId))).id }),
  activeContract: async () => ({ id: (await holdContract(activeContractSnapshot(own.organizationId))).id }),
  settledContract: async () => {
    const active = activeContractSnapshot(own.organizationId);
    const delivered = deliveredContract(active, {
      tickets: [ticketSnapshot(active, { number: "W-1", grossWeight: "94", tareWeight: "14" })],
    });
    const fulfilled: Contract = {
      ...delivered,
      status: "fulfilled",
      statusHistory: [...delivered.statusHistory, { status: "fulfilled", at: new Date().toISOString(), reason: null }],
    };
    const documentHash = documentHashOf(await renderSettlement(fulfilled));
    const settlement = { issuedAt: new Date().toISOString(), documentHash, filename: settlementFilename(fulfilled) };
    return { id: (await holdContract({ ...fulfilled, delivery: { ...fulfilled.delivery, settlement } })).id };
  },
  failedEvent: async () => {
    const ping = pingEvent();
    await portal()
      .db.insert(inboxMessage)
      .values({ webhookId: ping.id, eventType: "ping", status: "failed", lastError: "matrix", envelope: ping });
    return { eventId: ping.id };
  },
  savedSearch: async () => {
    const { db } = portal();
    const [mine] = await db.select({ id: member.id }).from(member).where(eq(member.userId, own.memberUserId));
    const input = savedSearchInputSchema.parse({ name: `Matrix ${randomUUID()}`, commodity: "Wheat" });
    return { id: (await saveSearch(db, { memberId: mine.id, organizationId: own.organizationId }, input)).id };
  },
  teamMember: async () => {
    teamCount += 1;
    const person = { name: "Colleague", email: `colleague-${teamCount}@matrix-farm.example`, role: "member" as const };
    return { userId: await insertUser(portal().db, own.organizationId, person, "no-password") };
  },
};

/** Every table's contents as one hash each, but sessions and sign-in counters, which any request may touch. */
async function everyTable(): Promise<Record<string, string>> {
  const { rows } = await portal().db.execute<{ name: string; hash: string }>(sql`
    select table_name as name,
      (xpath('/row/h/text()', query_to_xml(format(
        'select md5(coalesce(string_agg(t::text, %L order by t::text), %L)) as h from %I.%I t',
        ',', '', table_schema, table_name), false, true, '')))[1]::text as hash
    from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'
      and table_name not in ('session', 'rate_limit', 'sign_in_attempt', 'verification')`);
  return Object.fromEntries(rows.map((row) => [row.name, row.hash]));
}

function fits(outcome: Outcome, status: number): boolean {
  switch (outcome) {
    case "allow":
    case "public":
      return status >= 200 && status < 300;
    case "through":
      return status >= 200 && status < 500 && ![401, 403, 404].includes(status);
    case "signature":
      return status === 401;
    default:
      return status === Number(outcome);
  }
}

const paramsFor = (entry: Entry) => (entry.params ? fixtures[entry.params]() : Promise.resolve({}));

async function callCell(key: string, entry: Entry, role: Role, params: Record<string, string>) {
  const [method, path] = key.split(" ");
  const url = entry.url ?? path.replace(/\[(\w+)\]/g, (_, name: string) => params[name]);
  const body = typeof entry.body === "function" ? (entry.body as () => unknown)() : entry.body;
  const response = await call(handlers.get(key) as Handler, `${BASE}${url}`, {
    method,
    body,
    cookie: cookies[role],
    headers: entry.headers,
    params,
  });
  await response.body?.cancel();
  return response.status;
}

describe.each(ROLES)("as %s", (role) => {
  it("every route answers as the matrix says, and a refusal changes no table", async () => {
    const wrong: string[] = [];
    for (const [key, entry] of Object.entries(routes)) {
      const outcome = entry.cells[role];
      const refusal = ["401", "403", "404", "signature"].includes(outcome);
      const params = await paramsFor(entry);
      const before = refusal ? await everyTable() : undefined;
      const status = await callCell(key, entry, role, params);
      if (!fits(outcome, status)) wrong.push(`${key}: expected ${outcome}, got ${status}`);
      if (before) {
        const after = await everyTable();
        const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
        if (changed.length > 0) wrong.push(`${key}: refused with ${status}, yet changed ${changed.join(", ")}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 60_000);
});

describe("pages (checked in their source: a server component is not rendered here)", () => {
  const layout = readFileSync(join(APP, "(portal)/layout.tsx"), "utf8");

  it("the (portal) layout sends anyone without a membership to /sign-in", () => {
    expect(layout).toMatch(/currentMember\(/);
    expect(layout).toMatch(/if \(!me\) redirect\("\/sign-in"\)/);
  });

  it.each(Object.entries(pages))("%s is %s", (key, rule) => {
    const file = pageFiles.find((f) => `PAGE ${urlPath(f)}` === key) as string;
    const source = pageSources.get(key) as string;
    if (rule === "public") {
      expect(file.startsWith("(portal)/")).toBe(false);
      return;
    }
    expect(file.startsWith("(portal)/")).toBe(true);
    if (rule === "scoped") {
      expect(source).toMatch(/me\.organizationId/);
      expect(source).toMatch(/notFound\(\)/);
    }
    if (rule === "operator")
      expect(source).toMatch(/if \(!me \|\| !\(await isOperator\(db, me\.memberId\)\)\) notFound\(\)/);
  });
});

describe("the neighbour gets nothing", () => {
  it("the other organization's lists hold none of the own organization's ids", async () => {
    const ownIds = [
      own.organizationId,
      own.userId,
      own.memberUserId,
      (await fixtures.bid()).id,
      (await fixtures.contract()).id,
    ];
    for (const key of [
      "GET /api/bids",
      "GET /api/contracts",
      "GET /api/team",
      "GET /api/notifications",
      "GET /api/me",
    ]) {
      for (const role of ["otherMember", "otherAdmin"] as const) {
        const response = await call(handlers.get(key) as Handler, `${BASE}${key.split(" ")[1]}`, {
          cookie: cookies[role],
        });
        expect(response.status, key).toBe(200);
        const text = await response.text();
        for (const id of ownIds) expect(text, `${key} as ${role}`).not.toContain(id);
      }
    }
    const bids = await call(handlers.get("GET /api/bids") as Handler, `${BASE}/api/bids`, { cookie: cookies.member });
    expect(await bids.text()).toContain(ownIds[3]); // the own side does see them
  });

  it("an event signed with a secret that is not the buyer portal's changes nothing", async () => {
    const event = buyerEvent("contract.created", contractSnapshot(own.organizationId));
    const body = JSON.stringify(event);
    const before = await everyTable();
    const response = await call(handlers.get("POST /api/webhooks/buyer") as Handler, `${BASE}/api/webhooks/buyer`, {
      body,
      headers: signedHeaders(event.id, body, newWebhookSecret()),
    });
    expect(response.status).toBe(401);
    expect(await everyTable()).toEqual(before);
  });
});
