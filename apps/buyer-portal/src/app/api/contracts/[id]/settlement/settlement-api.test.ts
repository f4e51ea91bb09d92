import type { Contract } from "@lotbridge/contract/contract";
import { documentHashOf } from "@lotbridge/documents/contract-document";
import { readPdfText } from "@lotbridge/documents/read-pdf-text";
import { renderSettlement } from "@lotbridge/documents/settlement-document";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { contracts } from "@/domain/contracts/contract-table";
import { integrationEvents } from "@/integration/integration-tables";
import { issueApiKey } from "@/integration/issue-api-key";
import { portal } from "@/server/portal";
import {
  BASE,
  type DeliveryParties,
  deliveryContract,
  deliveryRows,
  expectProblem,
  ORIGIN,
  producerHeaders,
  ticketInput,
} from "@/test/deliveries";
import { buyerOrganization, PASSWORD } from "@/test/lots";
import { POST as closeShort } from "../close-short/route";
import { POST as complete } from "../complete/route";
import { POST as fulfil } from "../fulfil/route";
import { POST as tickets } from "../tickets/route";
import { GET as settlement } from "./route";

let parties: DeliveryParties;
let otherBuyerCookie: string;
let readKey: string;
let weighbridgeKey: string;
let memberName: string;

beforeAll(async () => {
  const { db } = portal();
  const buyer = await buyerOrganization("Settling Mill");
  const other = await buyerOrganization("Neighbour Mill");
  const platformKey = (
    await issueApiKey(db, { name: "producers", platform: "producer-portal", scopes: ["bids:write", "contracts:write"] })
  ).key;
  readKey = (
    await issueApiKey(db, {
      name: "erp",
      platform: null,
      organizationId: buyer.organizationId,
      scopes: ["contracts:read"],
    })
  ).key;
  weighbridgeKey = (
    await issueApiKey(db, {
      name: "weighbridge",
      platform: null,
      organizationId: buyer.organizationId,
      scopes: ["deliveries:write", "contracts:read"],
    })
  ).key;
  parties = {
    buyer,
    buyerCookie: await signIn(auth, ORIGIN, `member@${buyer.slug}.example`, PASSWORD),
    platformKey,
  };
  otherBuyerCookie = await signIn(auth, ORIGIN, `admin@${other.slug}.example`, PASSWORD);
  memberName = "Settling Mill member";
});

type Access = { cookie?: string; headers?: Record<string, string> };
const asBuyer = (): Access => ({ cookie: parties.buyerCookie });

/** Records a 24.18 t ticket (accepted unless changed) on the contract, as the buyer's member. */
async function recordLoad(id: string, change: Record<string, unknown> = {}) {
  const response = await call(tickets, `${BASE}/contracts/${id}/tickets`, {
    body: ticketInput(change),
    params: { id },
    ...asBuyer(),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Contract;
}

const fulfilAs = (id: string, body: unknown, access: Access = asBuyer()) =>
  call(fulfil, `${BASE}/contracts/${id}/fulfil`, { body, params: { id }, ...access });
const closeShortAs = (id: string, body: unknown, access: Access = asBuyer()) =>
  call(closeShort, `${BASE}/contracts/${id}/close-short`, { body, params: { id }, ...access });
const download = (id: string, access: Access = asBuyer()) =>
  call(settlement, `${BASE}/contracts/${id}/settlement`, { params: { id }, ...access });

async function pdfOf(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  return Buffer.from(await response.arrayBuffer());
}

/** The events sent about one contract, oldest first. */
async function eventsOf(contractId: string) {
  const rows = await portal().db.select().from(integrationEvents).orderBy(asc(integrationEvents.seq));
  return rows
    .map((row) => row.envelope as { type: string; data: Contract })
    .filter((envelope) => envelope.data.id === contractId);
}

describe("fulfilling a contract", () => {
  it("within the tolerance ends it fulfilled, with a settlement statement every reader downloads byte for byte", async () => {
    const row = await deliveryContract(parties, "porg_settle_fulfil");
    const id = row.id;
    // 100 t at ±5 %: four loads of 24.18 t make 96.72 t, within 95 t to 105 t. One is out of spec and discounted.
    await recordLoad(id);
    await recordLoad(id, {
      measurements: [{ name: "Moisture", value: "15.2", unit: "%" }],
      decision: "accept_with_discount",
      discountKind: "per_unit",
      discountAmount: "3.50",
    });
    await recordLoad(id);
    const beforeFulfil = await recordLoad(id);
    expect(beforeFulfil.delivery.ledger).toMatchObject({ accepted: "96.720", withinTolerance: true });
    await expectProblem(await download(id), 404);
    const before = await deliveryRows(id);

    const response = await fulfilAs(id, { note: "All four loads in, thank you." });
    expect(response.status).toBe(200);
    const fulfilled = (await response.json()) as Contract;
    const ending = fulfilled.statusHistory.at(-1);
    expect(fulfilled.status).toBe("fulfilled");
    expect(ending).toMatchObject({ status: "fulfilled", reason: "All four loads in, thank you." });
    expect(fulfilled.version).toBe(beforeFulfil.version + 1);
    expect(fulfilled.delivery.settlement).toEqual({
      issuedAt: ending?.at,
      documentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      filename: `settlement-${row.number}.pdf`,
    });
    expect(fulfilled.delivery.entries.at(-1)).toMatchObject({
      kind: "fulfilled",
      by: { party: "buyer", name: memberName },
      accepted: "96.720",
      text: "Fulfilled with 96.72 t of 100 t accepted; settlement issued",
    });
    const [stored] = await portal().db.select().from(contracts).where(eq(contracts.id, id));
    expect(stored).toMatchObject({ status: "fulfilled", settlementHash: fulfilled.delivery.settlement?.documentHash });
    expect(stored.settlementIssuedAt?.toISOString()).toBe(ending?.at);

    // The buyer's member, the organization's own system and the producer platform get the same bytes, whose SHA-256
    // is the one the contract carries.
    const bytes = await pdfOf(await download(id));
    expect(documentHashOf(bytes)).toBe(fulfilled.delivery.settlement?.documentHash);
    expect((await download(id)).headers.get("content-disposition")).toBe(
      `attachment; filename="settlement-${row.number}.pdf"`,
    );
    expect((await pdfOf(await download(id, { headers: { "x-api-key": readKey } }))).equals(bytes)).toBe(true);
    const producer = { headers: producerHeaders(parties.platformKey, "porg_settle_fulfil") };
    expect((await pdfOf(await download(id, producer))).equals(bytes)).toBe(true);
    const text = (await readPdfText(bytes)).join("\n");
    for (const ticket of fulfilled.delivery.tickets) expect(text).toContain(`Ticket ${ticket.number}`);
    expect(text).toContain("Outcome: Fulfilled");
    expect(text).toContain("96.72 t");
    expect(text).toContain("OUT OF SPEC");

    // One event, contract.fulfilled, whose snapshot renders the same statement: what the producer portal does.
    const events = await eventsOf(id);
    expect(events.filter((event) => event.type === "contract.fulfilled")).toHaveLength(1);
    const last = events.at(-1);
    expect(last?.type).toBe("contract.fulfilled");
    expect(last?.data).toEqual(fulfilled);
    expect(documentHashOf(await renderSettlement(last?.data as Contract))).toBe(documentHashOf(bytes));
    // The member who fulfilled it is the one who acted: nobody else is told.
    const after = await deliveryRows(id);
    expect(after.notifications).toBe(before.notifications);
    expect(after.events).toBe(before.events + 1);

    const again = await expectProblem(await fulfilAs(id, {}), 409);
    expect(again.type).toContain("contract-not-fulfillable");
    expect(await deliveryRows(id)).toEqual(after);
  });

  it("twice at once (two members clicking), or fulfilled and closed short at once, ends it once", async () => {
    const row = await deliveryContract(parties, "porg_settle_race");
    const id = row.id;
    for (let load = 0; load < 4; load++) await recordLoad(id);
    const answers = await Promise.all([
      fulfilAs(id, { note: "First." }),
      fulfilAs(id, { note: "Second." }),
      closeShortAs(id, { reason: "Third." }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409]);
    const events = await eventsOf(id);
    expect(events.filter((event) => event.type === "contract.fulfilled")).toHaveLength(1);
    expect(events.filter((event) => event.type === "contract.closed_short")).toHaveLength(0);
    const [stored] = await portal().db.select().from(contracts).where(eq(contracts.id, id));
    expect(documentHashOf(await pdfOf(await download(id)))).toBe(stored.settlementHash);
  });

  it("below the minimum is refused naming accepted, minimum and maximum; nothing changes", async () => {
    const row = await deliveryContract(parties, "porg_settle_below");
    const id = row.id;
    await expectProblem(await fulfilAs(id, {}), 409).then((problem) => {
      expect(problem.type).toContain("contract-not-fulfillable");
      expect(problem.detail).toContain("nothing has been delivered");
    });
    await recordLoad(id);
    const before = await deliveryRows(id);
    const problem = await expectProblem(await fulfilAs(id, { note: "Enough." }), 409);
    expect(problem.type).toContain("not-within-tolerance");
    expect(problem.detail).toContain("24.18 t accepted");
    expect(problem.detail).toContain("between 95 t and 105 t");
    expect(await deliveryRows(id)).toEqual(before);
    await expectProblem(await download(id), 404);
  });

  it("over the maximum (loads flagged, not refused) is neither fulfilled nor closed short", async () => {
    const row = await deliveryContract(parties, "porg_settle_over", {
      volume: "40",
      tolerance: { percent: "5", option: "buyer", beyond: "flag" },
    });
    const id = row.id;
    await recordLoad(id);
    const over = await recordLoad(id);
    expect(over.delivery.ledger).toMatchObject({ accepted: "48.360", overTolerance: true });
    const before = await deliveryRows(id);
    expect((await expectProblem(await fulfilAs(id, {}), 409)).type).toContain("not-within-tolerance");
    const short = await expectProblem(await closeShortAs(id, { reason: "Stop." }), 409);
    expect(short.type).toContain("over-tolerance");
    expect(short.detail).toContain("more than its maximum of 42 t");
    expect(await deliveryRows(id)).toEqual(before);
  });
});

describe("closing a contract short", () => {
  it("below the minimum, with a reason, ends it closed short with its settlement statement", async () => {
    const row = await deliveryContract(parties, "porg_settle_short");
    const id = row.id;
    await recordLoad(id);
    await recordLoad(id, { decision: "reject", rejectionReason: "Live insects" });
    const before = await deliveryRows(id);
    const response = await closeShortAs(id, { reason: "Harvest failed after the storm." });
    expect(response.status).toBe(200);
    const closed = (await response.json()) as Contract;
    expect(closed.status).toBe("closed_short");
    expect(closed.statusHistory.at(-1)).toMatchObject({
      status: "closed_short",
      reason: "Harvest failed after the storm.",
    });
    expect(closed.delivery.entries.at(-1)).toMatchObject({ kind: "closed_short", accepted: "24.180" });
    const bytes = await pdfOf(await download(id));
    expect(documentHashOf(bytes)).toBe(closed.delivery.settlement?.documentHash);
    const text = (await readPdfText(bytes)).join("\n");
    expect(text).toContain("Outcome: Closed short");
    expect(text).toContain("Harvest failed after the storm.");
    expect(text).toContain("Rejected: Live insects");
    const events = await eventsOf(id);
    expect(events.at(-1)?.type).toBe("contract.closed_short");
    expect((await deliveryRows(id)).events).toBe(before.events + 1);

    // Final: neither ending again, nor a manual completion.
    expect((await expectProblem(await closeShortAs(id, { reason: "Again." }), 409)).type).toContain(
      "contract-not-closable",
    );
    await expectProblem(await fulfilAs(id, {}), 409);
  });

  it("works on an active contract nothing was delivered on", async () => {
    const row = await deliveryContract(parties, "porg_settle_nothing");
    const response = await closeShortAs(row.id, { reason: "The producer's farm was sold." });
    expect(response.status).toBe(200);
    const closed = (await response.json()) as Contract;
    expect(closed).toMatchObject({ status: "closed_short", delivery: { ledger: { accepted: "0.000", loads: 0 } } });
    const bytes = await pdfOf(await download(row.id));
    expect(documentHashOf(bytes)).toBe(closed.delivery.settlement?.documentHash);
    expect((await readPdfText(bytes)).join("\n")).toContain("No load was received.");
  });

  it("is refused within the tolerance (fulfil instead) and without a reason, naming it; nothing stored", async () => {
    const row = await deliveryContract(parties, "porg_settle_within");
    const id = row.id;
    for (let load = 0; load < 4; load++) await recordLoad(id);
    const before = await deliveryRows(id);
    await expectProblem(await closeShortAs(id, {}), 422, "reason");
    await expectProblem(await closeShortAs(id, { reason: "   " }), 422, "reason");
    await expectProblem(await closeShortAs(id, { reason: 7 }), 422, "reason");
    await expectProblem(await closeShortAs(id, []), 422);
    await expectProblem(await fulfilAs(id, { note: 42 }), 422, "note");
    const within = await expectProblem(await closeShortAs(id, { reason: "Enough for us." }), 409);
    expect(within.type).toContain("within-tolerance");
    expect(within.detail).toContain("fulfil it instead");
    expect(await deliveryRows(id)).toEqual(before);
  });
});

describe("who may end a delivery or read its statement", () => {
  it("a neighbour organization gets 404 everywhere; keys cannot fulfil or close short; nothing stored", async () => {
    const row = await deliveryContract(parties, "porg_settle_access");
    const id = row.id;
    await recordLoad(id);
    const before = await deliveryRows(id);
    const neighbour = { cookie: otherBuyerCookie };
    await expectProblem(await fulfilAs(id, {}, neighbour), 404);
    await expectProblem(await closeShortAs(id, { reason: "Not ours." }, neighbour), 404);
    await expectProblem(await download(id, neighbour), 404);
    const producer = { headers: producerHeaders(parties.platformKey, "porg_settle_access") };
    await expectProblem(await fulfilAs(id, {}, producer), 401);
    await expectProblem(await closeShortAs(id, { reason: "Producer says so." }, producer), 401);
    const weighbridge = { headers: { "x-api-key": weighbridgeKey } };
    await expectProblem(await fulfilAs(id, {}, weighbridge), 401);
    await expectProblem(await closeShortAs(id, { reason: "Scale says so." }, weighbridge), 401);
    await expectProblem(await fulfilAs(id, {}, {}), 401);
    expect(await deliveryRows(id)).toEqual(before);

    // Once issued, still nobody else's: another producer organization and the neighbour read nothing.
    expect((await closeShortAs(id, { reason: "Done." })).status).toBe(200);
    await expectProblem(await download(id, neighbour), 404);
    await expectProblem(await download(id, { headers: producerHeaders(parties.platformKey, "porg_stranger") }), 404);
    await expectProblem(await download(id, { headers: { "x-api-key": "lbk_not-a-key" } }), 401);
  });
});

describe("completing a contract by hand", () => {
  it("is refused once a delivery is recorded: the ledger decides (409 contract-in-delivery)", async () => {
    const row = await deliveryContract(parties, "porg_settle_complete");
    const id = row.id;
    await recordLoad(id);
    const before = await deliveryRows(id);
    const problem = await expectProblem(
      await call(complete, `${BASE}/contracts/${id}/complete`, { body: {}, params: { id }, ...asBuyer() }),
      409,
    );
    expect(problem.type).toContain("contract-in-delivery");
    expect(problem.detail).toContain("fulfil it");
    expect(await deliveryRows(id)).toEqual(before);
  });
});
