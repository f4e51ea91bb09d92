import { documentHashOf } from "@lotbridge/documents/contract-document";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { POST as counter } from "@/app/api/bids/[id]/counter/route";
import { POST as rejectOffer } from "@/app/api/bids/[id]/counter-offers/[offerId]/reject/route";
import { POST as counterBack } from "@/app/api/bids/[id]/counter-offers/route";
import { PUT as decide } from "@/app/api/bids/[id]/route";
import { POST as submit } from "@/app/api/bids/route";
import { contractStatusChanges, contracts } from "@/domain/contracts/contract-table";
import { issueApiKey } from "@/integration/issue-api-key";
import { portal } from "@/server/portal";
import { bidInput, bidRowCounts, publishedLot } from "@/test/bids";
import { buyerOrganization, PASSWORD } from "@/test/lots";
import { POST as cancel } from "./[id]/cancel/route";
import { POST as complete } from "./[id]/complete/route";
import { GET as document } from "./[id]/document/route";
import { GET as readContract } from "./[id]/route";
import { POST as signatures } from "./[id]/signatures/route";

const ORIGIN = "http://localhost:3000";
const BASE = `${ORIGIN}/api`;
let key: string;
let bidsOnlyKey: string;
let mill: Awaited<ReturnType<typeof buyerOrganization>>;
let buyerCookie: string;
let otherBuyerCookie: string;
let serial = 0;

beforeAll(async () => {
  const { db } = portal();
  const scopes = ["bids:write", "contracts:write"] as const;
  key = (await issueApiKey(db, { name: "all", platform: "producer-portal", scopes: [...scopes] })).key;
  bidsOnlyKey = (await issueApiKey(db, { name: "bids", platform: "producer-portal", scopes: ["bids:write"] })).key;
  mill = await buyerOrganization("Api Mill");
  const other = await buyerOrganization("Api Other Mill");
  buyerCookie = await signIn(auth, ORIGIN, `member@${mill.slug}.example`, PASSWORD);
  otherBuyerCookie = await signIn(auth, ORIGIN, `admin@${other.slug}.example`, PASSWORD);
});

const producerHeaders = (organizationId: string, apiKey = key) => ({
  "x-api-key": apiKey,
  "x-producer-organization": organizationId,
  "idempotency-key": `idem-${++serial}`,
});

async function placedBid(organizationId: string, volume = "120") {
  const lot = await publishedLot(mill, { volume: "500" });
  const response = await call(submit, `${BASE}/bids`, {
    body: bidInput(lot.id, organizationId, { volume }),
    headers: producerHeaders(organizationId),
  });
  expect(response.status).toBe(201);
  return response.json();
}

const decideAs = (cookie: string, id: string, body: unknown) =>
  call(decide, `${BASE}/bids/${id}`, { method: "PUT", body, cookie, params: { id } });

async function acceptedContract(organizationId: string) {
  const bid = await placedBid(organizationId);
  expect((await decideAs(buyerCookie, bid.id, { action: "accept" })).status).toBe(200);
  const [row] = await portal().db.select().from(contracts).where(eq(contracts.bidId, bid.id));
  return row;
}

async function expectProblem(response: Response, status: number, field?: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  const problem = await response.json();
  if (field) expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
  expect(JSON.stringify(problem)).not.toMatch(/at .*\.ts|lbk_/);
  return problem;
}

describe("buyer decisions over HTTP", () => {
  it("refuses a decision that is not accept or reject, a reject without a reason, and no session; nothing stored", async () => {
    const bid = await placedBid("porg_http_decide");
    const before = await bidRowCounts();
    await expectProblem(await decideAs(buyerCookie, bid.id, { action: "approve" }), 422, "action");
    await expectProblem(await decideAs(buyerCookie, bid.id, { action: "reject" }), 422, "reason");
    await expectProblem(
      await call(decide, `${BASE}/bids/${bid.id}`, { method: "PUT", body: {}, params: { id: bid.id } }),
      401,
    );
    await expectProblem(await decideAs(otherBuyerCookie, bid.id, { action: "accept" }), 404);
    expect(await bidRowCounts()).toEqual(before);
  });

  it("refuses counter-offers with missing or mistyped fields, naming each; nothing stored", async () => {
    const bid = await placedBid("porg_http_counter");
    const before = await bidRowCounts();
    const response = await call(counter, `${BASE}/bids/${bid.id}/counter`, {
      body: { volume: 100, pricePerUnit: "-3", expiresAt: "tomorrow" },
      cookie: buyerCookie,
      params: { id: bid.id },
    });
    const problem = await expectProblem(response, 422);
    const fields = new Set(problem.errors.map((e: { field: string }) => e.field));
    expect([...fields].sort()).toEqual(["expiresAt", "pricePerUnit", "volume"]);
    expect(await bidRowCounts()).toEqual(before);
  });

  it("lets the producer counter back and reject over the API, each answered once per Idempotency-Key", async () => {
    const bid = await placedBid("porg_http_answer");
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const countered = await call(counter, `${BASE}/bids/${bid.id}/counter`, {
      body: { volume: "100", pricePerUnit: "239.00", expiresAt },
      cookie: buyerCookie,
      params: { id: bid.id },
    });
    expect(countered.status).toBe(201);
    const headers = producerHeaders("porg_http_answer");
    const back = () =>
      call(counterBack, `${BASE}/bids/${bid.id}/counter-offers`, {
        body: { volume: "110", pricePerUnit: "241.00", expiresAt },
        headers,
        params: { id: bid.id },
      });
    const first = await back();
    expect(first.status).toBe(201);
    const replay = await back();
    expect(replay.status).toBe(201);
    expect((await replay.json()).offers).toHaveLength(3);

    const offerId = (await first.json()).offers[2].id;
    const reject = await call(rejectOffer, `${BASE}/bids/${bid.id}/counter-offers/${offerId}/reject`, {
      method: "POST",
      headers: producerHeaders("porg_http_answer"),
      params: { id: bid.id, offerId },
    });
    // The producer's own offer is not theirs to reject: it waits for the buyer.
    await expectProblem(reject, 409);
  });
});

describe("contracts over HTTP", () => {
  it("serve the same contract and PDF to both parties, and 404 to anyone else", async () => {
    const row = await acceptedContract("porg_http_contract");
    const id = row.id;
    const asProducer = await call(readContract, `${BASE}/contracts/${id}`, {
      headers: producerHeaders("porg_http_contract"),
      params: { id },
    });
    const asBuyer = await call(readContract, `${BASE}/contracts/${id}`, { cookie: buyerCookie, params: { id } });
    expect(asProducer.status).toBe(200);
    expect(await asProducer.json()).toEqual(await asBuyer.json());

    const pdf = await call(document, `${BASE}/contracts/${id}/document`, { cookie: buyerCookie, params: { id } });
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toContain(`${row.number}.pdf`);
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    const again = await call(document, `${BASE}/contracts/${id}/document`, {
      headers: producerHeaders("porg_http_contract"),
      params: { id },
    });
    expect(documentHashOf(new Uint8Array(await again.arrayBuffer()))).toBe(documentHashOf(bytes));

    for (const response of [
      await call(readContract, `${BASE}/contracts/${id}`, { headers: producerHeaders("porg_other"), params: { id } }),
      await call(readContract, `${BASE}/contracts/${id}`, { cookie: otherBuyerCookie, params: { id } }),
      await call(document, `${BASE}/contracts/${id}/document`, { cookie: otherBuyerCookie, params: { id } }),
    ]) {
      await expectProblem(response, 404);
    }
    await expectProblem(
      await call(readContract, `${BASE}/contracts/${id}`, {
        headers: producerHeaders("porg_http_contract", bidsOnlyKey),
        params: { id },
      }),
      403,
    );
  });

  it("take the producer's signature once per Idempotency-Key, and refuse a second signing or a wrong hash", async () => {
    const row = await acceptedContract("porg_http_sign");
    const id = row.id;
    const pdf = await call(document, `${BASE}/contracts/${id}/document`, { cookie: buyerCookie, params: { id } });
    const documentHash = documentHashOf(new Uint8Array(await pdf.arrayBuffer()));
    const headers = producerHeaders("porg_http_sign");
    const body = { signerName: "Petra Bauer", signerEmail: "petra@farm.example", documentHash };
    const signOnce = () => call(signatures, `${BASE}/contracts/${id}/signatures`, { body, headers, params: { id } });
    expect((await signOnce()).status).toBe(201);
    const replayed = await signOnce();
    expect(replayed.status).toBe(201);
    expect((await replayed.json()).signatures).toHaveLength(1);

    const secondKey = { ...headers, "idempotency-key": `idem-${++serial}` };
    const twice = await call(signatures, `${BASE}/contracts/${id}/signatures`, {
      body,
      headers: secondKey,
      params: { id },
    });
    expect((await expectProblem(twice, 409)).detail).toContain("already signed");

    const wrong = await call(signatures, `${BASE}/contracts/${id}/signatures`, {
      body: { documentHash: "f".repeat(64) },
      cookie: buyerCookie,
      params: { id },
    });
    await expectProblem(wrong, 422, "documentHash");
    const buyerSigns = await call(signatures, `${BASE}/contracts/${id}/signatures`, {
      body: { documentHash },
      cookie: buyerCookie,
      params: { id },
    });
    expect(buyerSigns.status).toBe(201);
    expect(await buyerSigns.json()).toMatchObject({ status: "active" });
  });

  it("cancel only with a reason, only for the buyer organization", async () => {
    const row = await acceptedContract("porg_http_cancel");
    const id = row.id;
    await expectProblem(
      await call(cancel, `${BASE}/contracts/${id}/cancel`, { body: {}, cookie: buyerCookie, params: { id } }),
      422,
      "reason",
    );
    await expectProblem(
      await call(cancel, `${BASE}/contracts/${id}/cancel`, {
        body: { reason: "x" },
        cookie: otherBuyerCookie,
        params: { id },
      }),
      404,
    );
    const [unchanged] = await portal().db.select().from(contracts).where(eq(contracts.id, id));
    expect(unchanged).toEqual(row);
    const cancelled = await call(cancel, `${BASE}/contracts/${id}/cancel`, {
      body: { reason: "Plant closed." },
      cookie: buyerCookie,
      params: { id },
    });
    expect(await cancelled.json()).toMatchObject({ status: "cancelled", cancellationReason: "Plant closed." });
  });

  it("complete only an active contract, only for the buyer organization, with a note of text; nothing stored otherwise", async () => {
    const row = await acceptedContract("porg_http_complete");
    const id = row.id;
    const completeAs = (body: unknown, access: { cookie?: string; headers?: Record<string, string> }) =>
      call(complete, `${BASE}/contracts/${id}/complete`, { body, params: { id }, ...access });
    const stored = async () => ({
      contract: (await portal().db.select().from(contracts).where(eq(contracts.id, id)))[0],
      history: await portal().db.$count(contractStatusChanges, eq(contractStatusChanges.contractId, id)),
    });

    const waiting = await stored();
    const early = await expectProblem(await completeAs({}, { cookie: buyerCookie }), 409);
    expect(early.detail).toContain("only an active contract");
    expect(await stored()).toEqual(waiting);

    const pdf = await call(document, `${BASE}/contracts/${id}/document`, { cookie: buyerCookie, params: { id } });
    const documentHash = documentHashOf(new Uint8Array(await pdf.arrayBuffer()));
    const signAs = (access: { cookie?: string; headers?: Record<string, string> }) =>
      call(signatures, `${BASE}/contracts/${id}/signatures`, {
        body: { signerName: "Petra Bauer", signerEmail: "petra@farm.example", documentHash },
        params: { id },
        ...access,
      });
    expect((await signAs({ headers: producerHeaders("porg_http_complete") })).status).toBe(201);
    expect((await signAs({ cookie: buyerCookie })).status).toBe(201);

    const active = await stored();
    await expectProblem(await completeAs({ note: 42 }, { cookie: buyerCookie }), 422, "note");
    await expectProblem(await completeAs({ note: "n".repeat(1001) }, { cookie: buyerCookie }), 422, "note");
    await expectProblem(await completeAs([], { cookie: buyerCookie }), 422);
    await expectProblem(await completeAs({}, { headers: producerHeaders("porg_http_complete") }), 401);
    await expectProblem(await completeAs({}, { cookie: otherBuyerCookie }), 404);
    expect(await stored()).toEqual(active);

    const completed = await completeAs({ note: "Delivered and paid." }, { cookie: buyerCookie });
    expect(completed.status).toBe(200);
    const body = await completed.json();
    expect(body.status).toBe("completed");
    expect(body.statusHistory.at(-1)).toMatchObject({ status: "completed", reason: "Delivered and paid." });
  });
});
