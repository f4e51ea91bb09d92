import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { createOrganizationWithUsers, insertUser } from "@lotbridge/auth/create-account";
import { currentMember } from "@lotbridge/auth/current-member";
import { operatorGrant } from "@lotbridge/auth/operator-grant-table";
import { bidSubmissionSchema } from "@lotbridge/contract/bid-submission";
import { ticketInputSchema } from "@lotbridge/contract/delivery";
import { documentHashOf, renderContractDocument } from "@lotbridge/documents/contract-document";
import { call, type Handler, signIn } from "@lotbridge/http/testing/test-client";
import { newWebhookSecret } from "@lotbridge/webhooks/new-webhook-secret";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { decideBid } from "@/domain/bids/decide-bid";
import { submitBid } from "@/domain/bids/submit-bid";
import { contracts } from "@/domain/contracts/contract-table";
import { findContract } from "@/domain/contracts/find-contract";
import { signContract } from "@/domain/contracts/sign-contract";
import { closeContractShort } from "@/domain/deliveries/close-contract-short";
import { recordTicket } from "@/domain/deliveries/record-ticket";
import { issueApiKey } from "@/integration/issue-api-key";
import { configureProducerEndpoint } from "@/integration/producer-endpoint";
import { portal } from "@/server/portal";
import { bidInput, publishedLot } from "@/test/bids";
import { draftLot, lotInput, PASSWORD } from "@/test/lots";

/*
 * The buyer portal's whole surface — every route.ts method and every page, found on disk — against who may use it.
 * A route or page without an entry here, or an entry without a file, fails the first test: a new endpoint cannot ship
 * without someone deciding who reaches it.
 */

const APP = dirname(fileURLToPath(import.meta.url));
const BASE = "http://localhost:3000";
const ROLES = ["anonymous", "otherMember", "otherAdmin", "member", "admin", "operator"] as const;
type Role = (typeof ROLES)[number];

/**
 * allow: 2xx. through: the guard let the caller through and the domain answered (2xx, or a 4xx other than
 * 401/403/404 — e.g. 409 for a state the fresh record is not in, or 422 for a body that is not the right one).
 * 401 / 403 / 404: exactly that, and no table changed. apiKey: authenticated by API key only, so a session is 401
 * and no table changed (keys of the wrong kind are tested below). public: 2xx for everyone.
 */
type Outcome = "allow" | "through" | "401" | "403" | "404" | "apiKey" | "public";
type Cells = Record<Role, Outcome>;
/** The own organization's records a [param] is filled with; made afresh for every cell. */
type Fixture =
  | "draftLot"
  | "publishedLot"
  | "bid"
  | "contract"
  | "deliveringContract"
  | "settledContract"
  | "ticket"
  | "teamMember"
  | "apiKey"
  | "organizationKey"
  | "message"
  | "endpoint"
  | "fakeId";

interface Entry {
  cells: Cells;
  params?: Record<string, Fixture>;
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
const operatorOnly = (outcome: Outcome): Cells => ({
  anonymous: "401",
  otherMember: "403",
  otherAdmin: "403",
  member: "403",
  admin: "403",
  operator: outcome,
});
const apiKeyOnly: Cells = {
  anonymous: "apiKey",
  otherMember: "apiKey",
  otherAdmin: "apiKey",
  member: "apiKey",
  admin: "apiKey",
  operator: "apiKey",
};
const everyone = (outcome: Outcome): Cells => ({
  anonymous: outcome,
  otherMember: outcome,
  otherAdmin: outcome,
  member: outcome,
  admin: outcome,
  operator: outcome,
});

const HOUR = 3_600_000;
const counter = () => ({
  volume: "60",
  pricePerUnit: "240",
  expiresAt: new Date(Date.now() + 48 * HOUR).toISOString(),
});

let ticketSerial = 0;
/** A load of 24.18 t, accepted: within the tolerance of any contract the fixtures make. */
const matrixTicket = () => ({
  ticketNumber: `M-${++ticketSerial}`,
  receivedAt: "2027-09-03T09:40:00Z",
  grossWeight: "38.6",
  tareWeight: "14.42",
  decision: "accept",
});

const routes: Record<string, Entry> = {
  "POST /api/account/password": {
    cells: signedIn("through"), // a wrong current password is a 422: the guard let them through, nothing changes
    body: { currentPassword: "not-the-password", newPassword: "another-long-password" },
  },
  "POST /api/admin/api-keys": {
    cells: operatorOnly("allow"),
    body: { name: "matrix", platform: "producer-portal", scopes: ["lots:read"] },
  },
  "POST /api/admin/api-keys/[id]/revoke": { cells: operatorOnly("allow"), params: { id: "apiKey" } },
  "POST /api/admin/api-keys/[id]/rotate": {
    cells: operatorOnly("allow"),
    params: { id: "apiKey" },
    body: { overlapHours: 1 },
  },
  "GET /api/admin/integration": { cells: operatorOnly("allow") },
  "GET /api/admin/messages": { cells: operatorOnly("allow") },
  "POST /api/admin/messages/[id]/replay": { cells: operatorOnly("through"), params: { id: "message" } }, // 409: pending
  "POST /api/admin/ping": { cells: operatorOnly("allow") },
  "GET /api/admin/platforms": { cells: operatorOnly("allow") },
  "POST /api/admin/platforms": {
    cells: operatorOnly("allow"),
    body: () => ({ id: `m-${randomUUID()}`, name: `Matrix ${randomUUID()}` }),
  },
  // The first platform and its endpoint share the id the endpoint fixture gives.
  "POST /api/admin/platforms/[id]/endpoints": {
    cells: operatorOnly("allow"),
    params: { id: "endpoint" },
    body: { url: "https://matrix.example/hooks" },
  },
  "PATCH /api/admin/platforms/[id]/endpoints/[endpointId]": {
    cells: operatorOnly("allow"),
    params: { id: "endpoint", endpointId: "endpoint" },
    body: { eventTypes: null },
  },
  "POST /api/admin/platforms/[id]/endpoints/[endpointId]/rotate-secret": {
    cells: operatorOnly("allow"),
    params: { id: "endpoint", endpointId: "endpoint" },
    body: { overlapHours: 1 },
  },
  "POST /api/admin/webhook-endpoint": { cells: operatorOnly("allow") },
  "POST /api/admin/webhook-secret": { cells: operatorOnly("allow"), body: { overlapHours: 1 } },
  "GET /api/admin/webhook-endpoints": { cells: operatorOnly("allow") },
  // Disabled first, so that the matrix leaves the endpoint enabled.
  "POST /api/admin/webhook-endpoints/[id]/disable": {
    cells: operatorOnly("allow"),
    params: { id: "endpoint" },
    body: { reason: "matrix" },
  },
  "POST /api/admin/webhook-endpoints/[id]/enable": { cells: operatorOnly("allow"), params: { id: "endpoint" } },
  "POST /api/admin/webhook-endpoints/[id]/replay": {
    cells: operatorOnly("allow"),
    params: { id: "endpoint" },
    body: { since: "2026-01-01T00:00:00Z", until: "2026-02-01T00:00:00Z" },
  },
  "GET /api/auth/[...all]": { cells: everyone("public"), url: "/api/auth/get-session" },
  // Sign-in itself is public: wrong credentials are a 401 for anyone, whatever cookie they hold.
  "POST /api/auth/[...all]": {
    cells: everyone("401"),
    url: "/api/auth/sign-in/email",
    body: { email: "nobody@nowhere.example", password: "wrong-password-1" },
    headers: { "x-forwarded-for": "198.51.100.77" },
  },
  "GET /api/bids": { cells: apiKeyOnly },
  "POST /api/bids": { cells: apiKeyOnly },
  "GET /api/bids/[id]": { cells: apiKeyOnly, params: { id: "bid" } },
  "PATCH /api/bids/[id]": { cells: apiKeyOnly, params: { id: "bid" } },
  "PUT /api/bids/[id]": { cells: scoped("allow"), params: { id: "bid" }, body: { action: "accept" } },
  "POST /api/bids/[id]/counter": { cells: scoped("allow"), params: { id: "bid" }, body: counter },
  "POST /api/bids/[id]/counter-offers": { cells: apiKeyOnly, params: { id: "bid" } },
  "POST /api/bids/[id]/counter-offers/[offerId]/accept": {
    cells: apiKeyOnly,
    params: { id: "bid", offerId: "fakeId" },
  },
  "POST /api/bids/[id]/counter-offers/[offerId]/reject": {
    cells: apiKeyOnly,
    params: { id: "bid", offerId: "fakeId" },
  },
  "POST /api/bids/[id]/withdraw": { cells: apiKeyOnly, params: { id: "bid" } },
  "GET /api/contracts": { cells: signedIn("allow") },
  "GET /api/contracts/[id]": { cells: scoped("allow"), params: { id: "contract" } },
  // 409: a fresh contract awaits signatures, so it cannot be completed yet
  "POST /api/contracts/[id]/complete": { cells: scoped("through"), params: { id: "contract" }, body: { note: "" } },
  "POST /api/contracts/[id]/cancel": {
    cells: scoped("allow"),
    params: { id: "contract" },
    body: { reason: "Matrix" },
  },
  "GET /api/contracts/[id]/document": { cells: scoped("allow"), params: { id: "contract" } },
  "POST /api/contracts/[id]/dispatches": { cells: apiKeyOnly, params: { id: "contract" } },
  // A member of the organization records and corrects tickets (its deliveries:write key: deliveries-api.test.ts).
  "POST /api/contracts/[id]/tickets": {
    cells: scoped("allow"),
    params: { id: "deliveringContract" },
    body: () => matrixTicket(),
  },
  "POST /api/contracts/[id]/tickets/[ticketId]/corrections": {
    cells: scoped("allow"),
    params: { id: "deliveringContract", ticketId: "ticket" },
    body: () => ({ ...matrixTicket(), reason: "Re-weighed" }),
  },
  // 409: its one load is below the tolerance (a fulfilment that succeeds: settlement-api.test.ts)
  "POST /api/contracts/[id]/fulfil": { cells: scoped("through"), params: { id: "deliveringContract" }, body: {} },
  "POST /api/contracts/[id]/close-short": {
    cells: scoped("allow"),
    params: { id: "deliveringContract" },
    body: { reason: "Matrix" },
  },
  "GET /api/contracts/[id]/settlement": { cells: scoped("allow"), params: { id: "settledContract" } },
  // 409/422: a hash that is not the document's; the organization check comes first
  "POST /api/contracts/[id]/signatures": {
    cells: scoped("through"),
    params: { id: "contract" },
    body: { documentHash: "0".repeat(64) },
  },
  "GET /api/events": { cells: apiKeyOnly },
  "GET /api/health": { cells: everyone("public") },
  "POST /api/integration/pongs": { cells: apiKeyOnly },
  "GET /api/lots": { cells: signedIn("allow") },
  "POST /api/lots": { cells: signedIn("allow"), body: lotInput() },
  "GET /api/lots/[id]": { cells: scoped("allow"), params: { id: "draftLot" } },
  "PUT /api/lots/[id]": { cells: scoped("allow"), params: { id: "draftLot" }, body: lotInput({ title: "Edited" }) },
  "DELETE /api/lots/[id]": { cells: scoped("allow"), params: { id: "draftLot" } },
  "POST /api/lots/[id]/cancel": { cells: scoped("allow"), params: { id: "publishedLot" } },
  "POST /api/lots/[id]/close": { cells: scoped("allow"), params: { id: "publishedLot" } },
  "POST /api/lots/[id]/publish": { cells: scoped("allow"), params: { id: "draftLot" } },
  "GET /api/lots/[id]/bids": { cells: scoped("allow"), params: { id: "publishedLot" } },
  // CSV downloads: the organization's contracts, and one of its lots' bids (proved in domain/exports/exports.test.ts).
  "GET /contracts.csv": { cells: signedIn("allow") },
  "GET /lots/[id]/bids.csv": { cells: scoped("allow"), params: { id: "publishedLot" } },
  "GET /api/lots/external": { cells: apiKeyOnly },
  "GET /api/lots/external/[id]": { cells: apiKeyOnly, params: { id: "publishedLot" } },
  "GET /api/me": { cells: signedIn("allow") },
  "GET /api/notifications": { cells: signedIn("allow") },
  "GET /api/notifications/preferences": { cells: signedIn("allow") },
  "PUT /api/notifications/preferences": { cells: signedIn("allow"), body: { type: "lot.closed", email: false } },
  "POST /api/notifications/read": { cells: signedIn("allow"), body: { all: true } },
  "GET /api/notifications/stream": { cells: signedIn("allow") },
  "POST /api/notifications/test": { cells: signedIn("allow") },
  "GET /api/openapi.json": { cells: everyone("public") },
  // An organization's own keys are for its admins; a member (and an operator, as such) is refused before any lookup.
  "GET /api/organization/api-keys": {
    cells: { ...signedIn("allow"), otherMember: "403", member: "403", operator: "403" },
  },
  "POST /api/organization/api-keys": {
    cells: { ...signedIn("allow"), otherMember: "403", member: "403", operator: "403" },
    body: { name: "ERP", scopes: ["lots:write"] },
  },
  "POST /api/organization/api-keys/[id]/revoke": {
    cells: { ...scoped("allow"), otherMember: "403", member: "403", operator: "403" },
    params: { id: "organizationKey" },
  },
  // Team administration is for the organization's admins; a member is refused before any lookup (403).
  "GET /api/team": { cells: signedIn("allow") },
  "POST /api/team": {
    cells: { ...signedIn("allow"), otherMember: "403", member: "403", operator: "403" },
    body: () => ({ name: "New Colleague", email: `new-${randomUUID()}@matrix.example`, role: "member" }),
  },
  "DELETE /api/team/[userId]": {
    cells: { ...scoped("allow"), otherMember: "403", member: "403", operator: "403" },
    params: { userId: "teamMember" },
  },
  "POST /api/team/[userId]/password": {
    cells: { ...scoped("allow"), otherMember: "403", member: "403", operator: "403" },
    params: { userId: "teamMember" },
  },
};

/**
 * member: under (portal), whose layout sends anyone without a membership to /sign-in. scoped: also answers
 * notFound() for an id its organization-filtered query does not find. operator: notFound() unless isOperator.
 */
type PageRule = "public" | "member" | "scoped" | "operator";
const pages: Record<string, PageRule> = {
  "PAGE /": "member",
  "PAGE /account": "member",
  "PAGE /bids/[id]": "scoped",
  "PAGE /contracts": "member",
  "PAGE /contracts/[id]": "scoped",
  "PAGE /dev/mailbox": "member",
  "PAGE /integrations": "operator", // and an organization's admin, who sees only its own keys (organization-keys.tsx)
  "PAGE /lots": "member",
  "PAGE /lots/[id]": "scoped",
  "PAGE /lots/[id]/edit": "scoped",
  "PAGE /lots/new": "member",
  "PAGE /notifications": "member",
  "PAGE /notifications/settings": "member",
  "PAGE /team": "member",
  "PAGE /api-reference": "public",
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
let own: { organizationId: string; userId: string; memberUserId: string; slug: string };
let platform: { apiKeyId: string; platform: string };
let producerKey: string;

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
  const mill = await organization("Matrix Mill", ["admin", "member", "operator"]);
  own = { organizationId: mill.organizationId, userId: mill.userIds[0], memberUserId: mill.userIds[1], slug: "" };
  await organization("Neighbour Grain", ["otherAdmin", "otherMember"]);
  const operator = await currentMember(portal().auth, db, new Headers({ cookie: cookies.operator as string }));
  await db.insert(operatorGrant).values({ memberId: operator?.memberId as string, grantedBy: "access-matrix.test" });
  const issued = await issueApiKey(db, {
    name: "farm",
    platform: "producer-portal",
    scopes: ["bids:write", "lots:read"],
  });
  platform = { apiKeyId: issued.id, platform: "producer-portal" };
  producerKey = issued.key;
  await configureProducerEndpoint(db, "http://127.0.0.1:9/api/webhooks/buyer", newWebhookSecret());
});

const change = { publicUrl: BASE };
async function bidOnOwnLot() {
  const lot = await publishedLot(own);
  return submitBid(portal().db, platform, bidSubmissionSchema.parse(bidInput(lot.id, "porg_farm")), change);
}
let teamCount = 0;
let lastTicketId = "";
const fixtures: Record<Fixture, () => Promise<string>> = {
  draftLot: async () => (await draftLot(own)).id,
  publishedLot: async () => (await publishedLot(own)).id,
  bid: async () => (await bidOnOwnLot()).id,
  contract: async () => {
    const bid = await bidOnOwnLot();
    await decideBid(portal().db, own.organizationId, bid.id, { action: "accept" }, change);
    const [row] = await portal().db.select({ id: contracts.id }).from(contracts).where(eq(contracts.bidId, bid.id));
    return row.id;
  },
  // An active contract (both signed) with one ticket, recorded by the organization's weighbridge key.
  deliveringContract: async () => {
    const { db } = portal();
    const id = await fixtures.contract();
    const producer = { party: "producer" as const, caller: { ...platform, organizationId: "porg_farm" } };
    const documentHash = documentHashOf(await renderContractDocument(await findContract(db, producer, id)));
    for (const reader of [producer, { party: "buyer" as const, organizationId: own.organizationId }]) {
      await signContract(
        db,
        { reader, name: "Matrix Signer", email: "signer@matrix.example" },
        id,
        documentHash,
        change,
      );
    }
    const writer = { organizationId: own.organizationId, name: "Matrix weighbridge", userId: null };
    const contract = await recordTicket(db, writer, id, ticketInputSchema.parse(matrixTicket()), change);
    lastTicketId = contract.delivery.tickets[0].id;
    return id;
  },
  ticket: async () => lastTicketId, // the delivering contract's, made just before it
  // A delivering contract closed short, so that its settlement statement exists.
  settledContract: async () => {
    const id = await fixtures.deliveringContract();
    await closeContractShort(portal().db, { organizationId: own.organizationId, name: "Matrix member" }, id, "Matrix");
    return id;
  },
  teamMember: async () => {
    teamCount += 1;
    const person = { name: "Colleague", email: `colleague-${teamCount}@matrix-mill.example`, role: "member" as const };
    return insertUser(portal().db, own.organizationId, person, "no-password");
  },
  apiKey: async () =>
    (await issueApiKey(portal().db, { name: "spare", platform: "producer-portal", scopes: ["lots:read"] })).id,
  organizationKey: async () =>
    (
      await issueApiKey(portal().db, {
        name: "erp",
        platform: null,
        organizationId: own.organizationId,
        scopes: ["lots:write"],
      })
    ).id,
  message: async () => {
    await publishedLot(own); // publishing puts a webhook in the outbox
    const [row] = await portal().db.select({ id: outboxMessage.id }).from(outboxMessage).limit(1);
    return row.id;
  },
  endpoint: async () => "producer-portal", // configured in beforeAll, as every start does
  fakeId: async () => "off_00000000000000000000000000",
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
    case "apiKey":
      return status === 401;
    default:
      return status === Number(outcome);
  }
}

async function paramsFor(entry: Entry) {
  const params: Record<string, string> = {};
  for (const [name, fixture] of Object.entries(entry.params ?? {})) params[name] = await fixtures[fixture]();
  return params;
}

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
      const refusal = ["401", "403", "404", "apiKey"].includes(outcome);
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
      await fixtures.draftLot(),
      await fixtures.publishedLot(),
      await fixtures.contract(),
    ];
    for (const key of [
      "GET /api/lots",
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
    const lots = await call(handlers.get("GET /api/lots") as Handler, `${BASE}/api/lots`, { cookie: cookies.member });
    expect(((await lots.json()) as { data: unknown[] }).data.length).toBeGreaterThan(0); // the own side does see them
  });

  it("a producer key reads another producer organization's bid as not found", async () => {
    const bid = await bidOnOwnLot();
    const read = (organization: string) =>
      call(handlers.get("GET /api/bids/[id]") as Handler, `${BASE}/api/bids/${bid.id}`, {
        headers: { "x-api-key": producerKey, "x-producer-organization": organization },
        params: { id: bid.id },
      });
    expect((await read("porg_farm")).status).toBe(200);
    expect((await read("porg_neighbour")).status).toBe(404);
  });

  it("a key without the scope, a revoked one or a made-up one gets nothing", async () => {
    const { db } = portal();
    const bidsOnly = await issueApiKey(db, { name: "x", platform: "producer-portal", scopes: ["bids:write"] });
    const list = handlers.get("GET /api/lots/external") as Handler;
    const read = (key: string) => call(list, `${BASE}/api/lots/external`, { headers: { "x-api-key": key } });
    const revoked = await issueApiKey(db, { name: "gone", platform: "producer-portal", scopes: ["lots:read"] });
    await call(handlers.get("POST /api/admin/api-keys/[id]/revoke") as Handler, `${BASE}/x`, {
      method: "POST",
      cookie: cookies.operator,
      params: { id: revoked.id },
    });
    expect((await read(producerKey)).status).toBe(200);
    expect((await read(bidsOnly.key)).status).toBe(403);
    expect((await read(revoked.key)).status).toBe(401);
    expect((await read(`${producerKey}x`)).status).toBe(401);
  });
});
