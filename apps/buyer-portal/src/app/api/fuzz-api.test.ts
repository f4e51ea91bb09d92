import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { grantOperator } from "@lotbridge/auth/grant-operator";
import { ticketInputSchema } from "@lotbridge/contract/delivery";
import { documentHashOf, renderContractDocument } from "@lotbridge/documents/contract-document";
import { apiHandlers, hostileHeader, pathOf, queryOf, sessionRequests } from "@lotbridge/http/testing/fuzz-requests";
import { FUZZ_TIMEOUT_MS, type FuzzRequest, fuzzRoute, rowCounts } from "@lotbridge/http/testing/fuzz-routes";
import { fromSchema, genericBody, type JsonSchema, wireBody } from "@lotbridge/http/testing/hostile-input";
import { call, type Handler, signIn } from "@lotbridge/http/testing/test-client";
import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { POST as counter } from "@/app/api/bids/[id]/counter/route";
import { PUT as decideBid } from "@/app/api/bids/[id]/route";
import { POST as submitBid } from "@/app/api/bids/route";
import { POST as closeShort } from "@/app/api/contracts/[id]/close-short/route";
import { offers } from "@/domain/bids/bid-table";
import { contracts } from "@/domain/contracts/contract-table";
import { findContract } from "@/domain/contracts/find-contract";
import { signContract } from "@/domain/contracts/sign-contract";
import { receiveDispatch } from "@/domain/deliveries/receive-dispatch";
import { recordTicket } from "@/domain/deliveries/record-ticket";
import { issueApiKey } from "@/integration/issue-api-key";
import { portal } from "@/server/portal";
import { bidInput, publishedLot } from "@/test/bids";
import { buyerOrganization, draftLot, PASSWORD } from "@/test/lots";

// Issue 13: every operation of docs/openapi.json and every session route of the buyer portal, sent generated
// requests (valid, foreign and hostile ids; hostile query text; bodies from the documented schema with fields
// spoiled, missing or added; non-JSON and wrong content types): never a 5xx, and a refusal stores nothing.

const BASE = "http://localhost:3000";
const APP = resolve(import.meta.dirname, "..");
const PRODUCER = "porg_fuzz";
const document = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../../../../docs/openapi.json"), "utf8"));

interface Parameter {
  name: string;
  in: string;
  schema: JsonSchema;
}
interface Operation {
  parameters?: ({ $ref: string } | Parameter)[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  security?: Record<string, string[]>[];
}

/** better-auth's own endpoints (sign-in and the like) have their own tests and rate limits. */
const NOT_FUZZED = ["/api/auth/[...all]"];

/**
 * Tables a refused request may still add or remove rows in, and why. None: a refused key call only updates
 * api_key.last_used_at, and idempotency records are kept for answers that took effect.
 */
const CHANGED_ON_REFUSAL: Record<string, string> = {};

let cookie: string;
let key: string;
let ids: Record<string, string[]>;
let idempotency = 0;

const parametersOf = (operation: Operation): Parameter[] =>
  (operation.parameters ?? []).map((parameter) =>
    "$ref" in parameter
      ? document.components.parameters[parameter.$ref.replace("#/components/parameters/", "")]
      : parameter,
  );

/** An id the route may know: ours, another organization's, of the wrong kind, or none. */
function idsFor(route: string) {
  return (name: string) =>
    route.startsWith("/api/admin/api-keys")
      ? ids.apiKeys
      : route.startsWith("/api/admin/messages")
        ? ids.messages
        : name === "userId"
          ? ids.users
          : name === "ticketId"
            ? ids.tickets
            : name === "offerId"
              ? ids.offers
              : ids.any;
}

function authOf(as: "key" | "session", producerHeader: boolean): fc.Arbitrary<Record<string, string>> {
  if (as === "session") {
    return fc.oneof({ arbitrary: fc.constant({ cookie }), weight: 9 }, { arbitrary: fc.constant({}), weight: 1 });
  }
  // Mostly the key with every scope, sometimes as a bearer token, a wrong one or none.
  const credential = fc.oneof(
    { arbitrary: fc.constant({ "x-api-key": key }), weight: 6 },
    { arbitrary: fc.constant({ authorization: `Bearer ${key}` }), weight: 2 },
    { arbitrary: hostileHeader.map((bad) => ({ "x-api-key": bad })), weight: 1 },
    { arbitrary: fc.constant({}), weight: 1 },
  );
  const producer = producerHeader
    ? fc.oneof(
        { arbitrary: fc.constant({ "x-producer-organization": PRODUCER }), weight: 6 },
        { arbitrary: hostileHeader.map((bad) => ({ "x-producer-organization": bad })), weight: 1 },
        { arbitrary: fc.constant({}), weight: 1 },
      )
    : fc.constant({});
  const idempotencyKey = fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 1 },
    { arbitrary: fc.constant("reused"), weight: 1 },
    { arbitrary: hostileHeader, weight: 1 },
    { arbitrary: fc.constant("fresh"), weight: 4 },
  );
  return fc.tuple(credential, producer, idempotencyKey).map(([credentials, organization, idem]) => ({
    ...credentials,
    ...organization,
    ...(idem === undefined ? {} : { "idempotency-key": idem === "fresh" ? `fuzz-${++idempotency}` : idem }),
  }));
}

function requestsFor(
  method: string,
  route: string,
  {
    as,
    producerHeader,
    query,
    body,
  }: {
    as: "key" | "session";
    producerHeader: boolean;
    query: [string, fc.Arbitrary<unknown>][];
    body?: fc.Arbitrary<unknown>;
  },
): fc.Arbitrary<FuzzRequest> {
  const sent = method === "GET" ? fc.constant(undefined) : wireBody(body ?? genericBody);
  return fc
    .record({
      at: pathOf(route, idsFor(route)),
      query: queryOf(query),
      headers: authOf(as, producerHeader),
      body: sent,
    })
    .map(({ at, query: search, headers, body: wire }) => ({
      method,
      path: at.path,
      params: at.params,
      query: search,
      headers,
      body: wire,
    }));
}

const target = (name: string, handler: Handler, requests: fc.Arbitrary<FuzzRequest>) => ({
  name,
  origin: BASE,
  handler,
  requests,
  rowCounts: () => rowCounts(async (text) => (await portal().db.execute(sql.raw(text))).rows),
  changesOnRefusal: CHANGED_ON_REFUSAL,
});

const documented = Object.entries(document.paths as Record<string, Record<string, Operation>>).flatMap(
  ([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method.toUpperCase(),
      route: path.replace(/\{(\w+)\}/g, "[$1]"),
      operation,
    })),
);

const sessionRoutes = await apiHandlers(APP, {
  covered: documented.map((op) => `${op.method} ${op.route}`),
  skipped: NOT_FUZZED,
});

beforeAll(async () => {
  const { db } = portal();
  const mill = await buyerOrganization("Fuzz Mill");
  const other = await buyerOrganization("Other Mill");
  await grantOperator(db, { email: `admin@${mill.slug}.example`, organizationSlug: mill.slug }, "fuzz test");
  cookie = await signIn(auth, BASE, `admin@${mill.slug}.example`, PASSWORD);
  key = (
    await issueApiKey(db, {
      name: "fuzz",
      platform: "producer-portal",
      scopes: ["lots:read", "bids:write", "contracts:write"],
    })
  ).key;
  const spareKey = await issueApiKey(db, { name: "spare", platform: "producer-portal", scopes: ["lots:read"] });
  const lot = await publishedLot(mill, { partialBidsAllowed: true });
  const foreignLot = await publishedLot(other);
  const draft = await draftLot(mill);
  // One live bid per producer organization and lot: a lot for each.
  const bid = async () => {
    const placed = await call(submitBid, `${BASE}/api/bids`, {
      body: bidInput((await publishedLot(mill)).id, PRODUCER),
      headers: { "x-api-key": key, "idempotency-key": `setup-${++idempotency}` },
    });
    expect(placed.status).toBe(201);
    return (await placed.json()).id as string;
  };
  /** The contract of an accepted bid, signed by both parties, with one dispatch and one ticket. */
  const deliveringContract = async (bidId: string) => {
    const accept = await call(decideBid, `${BASE}/api/bids/${bidId}`, {
      method: "PUT",
      body: { action: "accept" },
      cookie,
      params: { id: bidId },
    });
    expect(accept.status).toBe(200);
    const [row] = await db.select().from(contracts).where(eq(contracts.bidId, bidId));
    const producer = {
      party: "producer" as const,
      caller: { apiKeyId: "", platform: "producer-portal", organizationId: PRODUCER },
    };
    const documentHash = documentHashOf(await renderContractDocument(await findContract(db, producer, row.id)));
    for (const reader of [producer, { party: "buyer" as const, organizationId: mill.organizationId }]) {
      await signContract(db, { reader, name: "Fuzz Signer", email: "signer@fuzz.example" }, row.id, documentHash, {
        publicUrl: BASE,
      });
    }
    const dispatch = { plannedDate: "2027-09-03", vehicleReference: "FZ 1", estimatedWeight: "25", note: "" };
    await receiveDispatch(db, producer.caller, row.id, "fuzz-dispatch", dispatch, { publicUrl: BASE });
    const ticket = ticketInputSchema.parse({
      ticketNumber: "FZ-1",
      receivedAt: "2027-09-03T09:40:00Z",
      grossWeight: "38.6",
      tareWeight: "14.42",
      decision: "accept",
    });
    const writer = { organizationId: mill.organizationId, name: "Fuzz weighbridge", userId: null };
    return recordTicket(db, writer, row.id, ticket, { publicUrl: BASE });
  };
  const [open, accepted, countered] = [await bid(), await bid(), await bid()];
  const decided = await call(decideBid, `${BASE}/api/bids/${accepted}`, {
    method: "PUT",
    body: { action: "accept" },
    cookie,
    params: { id: accepted },
  });
  expect(decided.status).toBe(200);
  const offered = await call(counter, `${BASE}/api/bids/${countered}/counter`, {
    body: { volume: "100", pricePerUnit: "240", expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
    cookie,
    params: { id: countered },
  });
  expect(offered.status).toBe(201);
  // A contract in delivery, with a dispatch and a ticket, so that deliveries are fuzzed past the state checks.
  const delivering = await deliveringContract(await bid());
  // One more closed short (one load is below its tolerance), so that there is a settlement statement to download.
  const settled = await deliveringContract(await bid());
  const closed = await call(closeShort, `${BASE}/api/contracts/${settled.id}/close-short`, {
    body: { reason: "Fuzz" },
    cookie,
    params: { id: settled.id },
  });
  expect(closed.status).toBe(200);
  const contractIds = (await db.select({ id: contracts.id }).from(contracts)).map((row) => row.id);
  const offerIds = (await db.select({ id: offers.id }).from(offers)).map((row) => row.id);
  const messageIds = (await db.execute(sql`select id from outbox_message limit 3`)).rows.map((row) => String(row.id));
  ids = {
    any: [lot.id, foreignLot.id, draft.id, open, accepted, countered, ...contractIds, ...offerIds, "lot_nosuch"],
    lots: [lot.id, foreignLot.id, draft.id, "lot_nosuch"],
    offers: [...offerIds, "ofr_nosuch"],
    users: [mill.memberUserId, other.userId, "nosuch"],
    apiKeys: [spareKey.id, "key_nosuch"],
    messages: [...messageIds, "msg_nosuch"],
    tickets: [...delivering.delivery.tickets.map((ticket) => ticket.id), "tkt_nosuch"],
  };
});

describe("the external API never answers 5xx and stores nothing when it refuses", () => {
  it.each(documented.map((op) => [`${op.method} ${op.route}`, op] as const))(
    "%s",
    async (_, { method, route, operation }) => {
      const module = (await import(`${APP}${route}/route.ts`)) as Record<string, Handler>;
      expect(module[method], `${method} ${route} is documented but has no handler`).toBeTypeOf("function");
      const parameters = parametersOf(operation);
      // Terms that fit the lots (EUR, up to their 500 t) so some bids get past the checks against the lot.
      const known = {
        lotId: fc.constantFrom(...ids.lots),
        currency: fc.constantFrom("EUR", "EUR", "EUR", "USD"),
        volume: fc.integer({ min: 1, max: 600 }).map(String),
      };
      const schemas = { schemas: document.components.schemas, known };
      const body = operation.requestBody?.content["application/json"]?.schema;
      const as = operation.security?.some((scheme) => "BuyerSession" in scheme) ? "session" : "key";
      const requests = requestsFor(method, route, {
        as,
        producerHeader: parameters.some((parameter) => parameter.name === "X-Producer-Organization"),
        query: parameters
          .filter((parameter) => parameter.in === "query")
          .map((parameter) => [parameter.name, fromSchema(parameter.schema, schemas)]),
        body:
          body && fromSchema(body, { ...schemas, known: { ...schemas.known, organizationId: fc.constant(PRODUCER) } }),
      });
      await fuzzRoute(target(`${method} ${route}`, module[method], requests));
    },
    FUZZ_TIMEOUT_MS,
  );
});

describe("the portal's session routes never answer 5xx and store nothing when they refuse", () => {
  it.each(sessionRoutes.map((op) => [`${op.method} ${op.route}`, op] as const))(
    "%s",
    async (_, { method, route, handler }) => {
      await fuzzRoute(target(`${method} ${route}`, handler, sessionRequests(method, route, cookie, idsFor(route))));
    },
    FUZZ_TIMEOUT_MS,
  );
});
