import { MAX_DISPATCHES, MAX_TICKETS } from "@lotbridge/contract/delivery";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { contractDispatches, deliveryTickets } from "@/domain/deliveries/delivery-tables";
import { integrationEvents } from "@/integration/integration-tables";
import { issueApiKey } from "@/integration/issue-api-key";
import { FIRST_PLATFORM_ID } from "@/integration/producer-endpoint";
import { portal } from "@/server/portal";
import {
  BASE,
  type DeliveryParties,
  deliveryContract,
  deliveryRows,
  dispatchInput,
  expectProblem,
  idempotencyKey,
  ORIGIN,
  producerHeaders,
  ticketInput,
} from "@/test/deliveries";
import { buyerOrganization, notificationsOf, PASSWORD } from "@/test/lots";
import { producerPlatform } from "@/test/platforms";
import { POST as dispatches } from "./[id]/dispatches/route";
import { GET as readContract } from "./[id]/route";
import { POST as corrections } from "./[id]/tickets/[ticketId]/corrections/route";
import { POST as tickets } from "./[id]/tickets/route";

let parties: DeliveryParties;
let adminCookie: string;
let otherBuyerCookie: string;
let second: Awaited<ReturnType<typeof producerPlatform>>;

beforeAll(async () => {
  const { db } = portal();
  const platformKey = (
    await issueApiKey(db, { name: "all", platform: FIRST_PLATFORM_ID, scopes: ["bids:write", "contracts:write"] })
  ).key;
  const buyer = await buyerOrganization("Delivery Mill");
  const other = await buyerOrganization("Delivery Other Mill");
  parties = {
    buyer,
    platformKey,
    buyerCookie: await signIn(auth, ORIGIN, `member@${buyer.slug}.example`, PASSWORD),
  };
  adminCookie = await signIn(auth, ORIGIN, `admin@${buyer.slug}.example`, PASSWORD);
  otherBuyerCookie = await signIn(auth, ORIGIN, `admin@${other.slug}.example`, PASSWORD);
  second = await producerPlatform("delivery-second");
});

const postTicket = (id: string, body: unknown, access: { cookie?: string; headers?: Record<string, string> } = {}) =>
  call(tickets, `${BASE}/contracts/${id}/tickets`, {
    body,
    params: { id },
    ...(access.cookie || access.headers ? access : { cookie: parties.buyerCookie }),
  });

const postCorrection = (
  id: string,
  ticketId: string,
  body: unknown,
  access: { cookie?: string; headers?: Record<string, string> } = { cookie: parties.buyerCookie },
) =>
  call(corrections, `${BASE}/contracts/${id}/tickets/${ticketId}/corrections`, {
    body,
    params: { id, ticketId },
    ...access,
  });

const postDispatch = (id: string, organizationId: string, body: unknown, headers = {}) =>
  call(dispatches, `${BASE}/contracts/${id}/dispatches`, {
    body,
    params: { id },
    headers: { ...producerHeaders(parties.platformKey, organizationId), ...headers },
  });

/** The webhooks waiting about a contract, oldest first: [event type, endpoint]. */
async function webhooksAbout(contractId: string) {
  const rows = await portal().db.select().from(outboxMessage).where(eq(outboxMessage.kind, "webhook"));
  const about = rows.filter((row) => (row.payload as { data: { id?: string } }).data.id === contractId);
  // In the order the contract changed: each event carries the version it made.
  const version = (row: (typeof rows)[number]) => (row.payload as { data: { version: number } }).data.version;
  return about.sort((a, b) => version(a) - version(b)).map((row) => [row.eventType, row.destination]);
}

describe("dispatches from the producer platform", () => {
  it("store the load, move the contract to in_delivery, tell its platform only and the buyer organization", async () => {
    const row = await deliveryContract(parties, "porg_dsp_ok");
    const before = await webhooksAbout(row.id);
    const key = idempotencyKey();
    const response = await postDispatch(row.id, "porg_dsp_ok", dispatchInput({ note: "Two trailers" }), {
      "idempotency-key": key,
    });
    expect(response.status).toBe(201);
    const contract = await response.json();
    expect(contract.status).toBe("in_delivery");
    expect(contract.version).toBe(row.version + 1);
    expect(contract.statusHistory.at(-1)).toMatchObject({ status: "in_delivery" });
    expect(contract.delivery.dispatches).toEqual([
      {
        id: expect.stringMatching(/^dsp_/),
        externalId: key,
        plannedDate: "2027-09-03",
        vehicleReference: "HH-AB 1234",
        estimatedWeight: "25.000",
        note: "Two trailers",
        announcedAt: expect.any(String),
        announcedBy: { party: "producer", name: "Farm porg_dsp_ok" },
        ticketIds: [],
      },
    ]);
    expect(contract.delivery.entries).toEqual([
      expect.objectContaining({
        kind: "dispatched",
        by: { party: "producer", name: "Farm porg_dsp_ok" },
        dispatchId: contract.delivery.dispatches[0].id,
        accepted: "0.000",
        value: "0.00",
        text: "Load announced: HH-AB 1234, about 25 t, expected 3 Sep 2027",
      }),
    ]);
    const after = await webhooksAbout(row.id);
    expect(after.slice(before.length)).toEqual([["delivery.dispatched", FIRST_PLATFORM_ID]]);
    expect(after.some(([, destination]) => destination === second.endpoint.id)).toBe(false);
    const [event] = await portal()
      .db.select()
      .from(integrationEvents)
      .where(and(eq(integrationEvents.type, "delivery.dispatched")));
    expect(event.platform).toBe(FIRST_PLATFORM_ID);
    for (const userId of [parties.buyer.userId, parties.buyer.memberUserId]) {
      const notices = (await notificationsOf(userId)).filter((n) => n.type === "delivery.dispatched");
      expect(notices.map((n) => n.title)).toContain(`Farm porg_dsp_ok announced a load on contract ${row.number}`);
    }
    // What the buyer reads is what the platform was sent.
    const read = await call(readContract, `${BASE}/contracts/${row.id}`, {
      cookie: parties.buyerCookie,
      params: { id: row.id },
    });
    expect(await read.json()).toEqual(contract);
  });

  it("answer the same Idempotency-Key twice with one dispatch", async () => {
    const row = await deliveryContract(parties, "porg_dsp_twice");
    const key = idempotencyKey();
    const first = await postDispatch(row.id, "porg_dsp_twice", dispatchInput(), { "idempotency-key": key });
    const counts = await deliveryRows(row.id);
    const again = await postDispatch(row.id, "porg_dsp_twice", dispatchInput(), { "idempotency-key": key });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    expect(await deliveryRows(row.id)).toEqual(counts);
    // Sent at once under a new key, both answer one dispatch.
    const next = idempotencyKey();
    const both = await Promise.all([
      postDispatch(row.id, "porg_dsp_twice", dispatchInput(), { "idempotency-key": next }),
      postDispatch(row.id, "porg_dsp_twice", dispatchInput(), { "idempotency-key": next }),
    ]);
    expect(both.map((r) => r.status)).toEqual([201, 201]);
    const [a, b] = await Promise.all(both.map((r) => r.json()));
    expect(a).toEqual(b);
    expect(a.delivery.dispatches).toHaveLength(2);
  });

  it("refuse another organization's or platform's contract, bad input and no key; nothing stored", async () => {
    const row = await deliveryContract(parties, "porg_dsp_refused");
    const before = await deliveryRows(row.id);
    await expectProblem(await postDispatch(row.id, "porg_dsp_someone_else", dispatchInput()), 404);
    const asSecond = await call(dispatches, `${BASE}/contracts/${row.id}/dispatches`, {
      body: dispatchInput(),
      params: { id: row.id },
      headers: producerHeaders(second.key, "porg_dsp_refused"),
    });
    await expectProblem(asSecond, 404);
    await expectProblem(
      await postDispatch(row.id, "porg_dsp_refused", dispatchInput({ estimatedWeight: "0" })),
      422,
      "estimatedWeight",
    );
    await expectProblem(
      await postDispatch(row.id, "porg_dsp_refused", dispatchInput({ plannedDate: "3.9.2027", vehicleReference: "" })),
      422,
      "plannedDate",
    );
    await expectProblem(
      await postDispatch(row.id, "porg_dsp_refused", dispatchInput(), { "idempotency-key": "" }),
      400,
      "Idempotency-Key",
    );
    const asBuyer = await call(dispatches, `${BASE}/contracts/${row.id}/dispatches`, {
      body: dispatchInput(),
      params: { id: row.id },
      cookie: parties.buyerCookie,
    });
    expect(asBuyer.status).toBe(401);
    expect(await deliveryRows(row.id)).toEqual(before);
  });

  it("refuse a contract that awaits signatures or is cancelled with 409; nothing stored", async () => {
    for (const status of ["pending_signature", "cancelled"] as const) {
      const organizationId = `porg_dsp_${status}`;
      const row = await deliveryContract(parties, organizationId, { status });
      const before = await deliveryRows(row.id);
      const problem = await expectProblem(await postDispatch(row.id, organizationId, dispatchInput()), 409);
      expect(problem.type).toBe("urn:lotbridge:problem:contract-not-deliverable");
      expect(await deliveryRows(row.id)).toEqual(before);
    }
  });
});

describe("weighbridge tickets", () => {
  it("record a load against its dispatch, with the ledger, the entry, one event and the colleagues told", async () => {
    const row = await deliveryContract(parties, "porg_tkt_ok");
    const dispatched = await (await postDispatch(row.id, "porg_tkt_ok", dispatchInput())).json();
    const dispatchId = dispatched.delivery.dispatches[0].id;
    const before = await webhooksAbout(row.id);
    const response = await postTicket(row.id, ticketInput({ ticketNumber: "W-1042", dispatchId, netWeight: "24.18" }));
    expect(response.status).toBe(201);
    const contract = await response.json();
    expect(contract.version).toBe(dispatched.version + 1);
    const [ticket] = contract.delivery.tickets;
    expect(ticket).toMatchObject({
      id: expect.stringMatching(/^tkt_/),
      number: "W-1042",
      version: 1,
      dispatchId,
      grossWeight: "38.600",
      tareWeight: "14.420",
      netWeight: "24.180",
      outOfSpec: false,
      decision: "accept",
      acceptedQuantity: "24.180",
      discount: "0.00",
      value: "5936.19",
      correctionReason: null,
      recordedBy: { party: "buyer", name: "Delivery Mill member" },
      history: [],
    });
    expect(ticket.measurements[0]).toEqual({
      name: "Moisture",
      unit: "%",
      value: "13.8",
      min: null,
      max: "14.5",
      inSpec: true,
    });
    expect(contract.delivery.dispatches[0].ticketIds).toEqual([ticket.id]);
    expect(contract.delivery.ledger).toEqual({
      volume: "100.000",
      minimum: "95.000",
      maximum: "105.000",
      accepted: "24.180",
      remaining: "75.820",
      rejected: "0.000",
      withinTolerance: false,
      overTolerance: false,
      value: "5936.19",
      discounts: "0.00",
      loads: 1,
      outOfSpecLoads: 0,
    });
    expect(contract.delivery.entries.at(-1)).toMatchObject({
      kind: "received",
      by: { party: "buyer", name: "Delivery Mill member" },
      ticketId: ticket.id,
      accepted: "24.180",
      value: "5936.19",
      text: "Ticket W-1042: 24.18 t accepted",
    });
    expect((await webhooksAbout(row.id)).slice(before.length)).toEqual([["delivery.received", FIRST_PLATFORM_ID]]);
    // The member who recorded it is not told; the admin is.
    const received = async (userId: string) =>
      (await notificationsOf(userId)).filter((n) => n.type === "delivery.received" && n.link?.includes(row.id));
    expect(await received(parties.buyer.memberUserId)).toEqual([]);
    expect((await received(parties.buyer.userId)).map((n) => n.title)).toEqual([
      `Ticket W-1042 recorded on contract ${row.number}`,
    ]);
  });

  it("refuse every bad ticket naming the field, and store nothing", async () => {
    const row = await deliveryContract(parties, "porg_tkt_bad");
    const before = await deliveryRows(row.id);
    const cases: [Record<string, unknown>, string][] = [
      [{ grossWeight: "0" }, "grossWeight"],
      [{ grossWeight: "-38.6" }, "grossWeight"],
      [{ grossWeight: 38.6 }, "grossWeight"],
      [{ tareWeight: "0" }, "tareWeight"],
      [{ tareWeight: "-1" }, "tareWeight"],
      [{ tareWeight: "40" }, "tareWeight"],
      [{ tareWeight: "38.6" }, "tareWeight"],
      [{ netWeight: "24.17" }, "netWeight"],
      [{ measurements: [{ name: "Gluten", value: "30", unit: "%" }] }, "measurements.0.name"],
      [
        {
          measurements: [
            { name: "moisture", value: "13", unit: "%" },
            { name: "Test weight", value: "78", unit: "%" },
          ],
        },
        "measurements.1.unit",
      ],
      [{ measurements: [{ name: "Moisture", value: "13", unit: "furlongs" }] }, "measurements.0.unit"],
      [{ dispatchId: "dsp_0000000000000000000000000" }, "dispatchId"],
      [{ decision: "accept_with_discount", discountKind: "per_unit", discountAmount: "245.51" }, "discountAmount"],
      [{ decision: "accept_with_discount", discountKind: "percent", discountAmount: "101" }, "discountAmount"],
      [{ decision: "accept_with_discount" }, "discountKind"],
      [{ decision: "reject" }, "rejectionReason"],
      [{ decision: "maybe" }, "decision"],
      [{ receivedAt: "yesterday" }, "receivedAt"],
      [{ ticketNumber: "" }, "ticketNumber"],
    ];
    for (const [change, field] of cases) {
      const problem = await expectProblem(await postTicket(row.id, ticketInput(change)), 422, field);
      expect(problem.errors?.length).toBeGreaterThan(0);
    }
    await expectProblem(await postTicket(row.id, "not json"), 400);
    await expectProblem(await postTicket(row.id, ticketInput(), { cookie: otherBuyerCookie }), 404);
    const anonymous = await call(tickets, `${BASE}/contracts/${row.id}/tickets`, {
      body: ticketInput(),
      params: { id: row.id },
    });
    await expectProblem(anonymous, 401);
    expect(await deliveryRows(row.id)).toEqual(before);
  });

  it("refuse a ticket on a contract that is not active or in delivery, or a number already recorded; nothing stored", async () => {
    for (const status of ["pending_signature", "cancelled"] as const) {
      const row = await deliveryContract(parties, `porg_tkt_${status}`, { status });
      const before = await deliveryRows(row.id);
      const problem = await expectProblem(await postTicket(row.id, ticketInput()), 409);
      expect(problem.type).toBe("urn:lotbridge:problem:contract-not-deliverable");
      expect(await deliveryRows(row.id)).toEqual(before);
    }
    const row = await deliveryContract(parties, "porg_tkt_duplicate");
    expect((await postTicket(row.id, ticketInput({ ticketNumber: "W-77a" }))).status).toBe(201);
    const before = await deliveryRows(row.id);
    const problem = await expectProblem(await postTicket(row.id, ticketInput({ ticketNumber: "w-77A" })), 409);
    expect(problem.type).toBe("urn:lotbridge:problem:duplicate-ticket");
    expect(await deliveryRows(row.id)).toEqual(before);
    // The same number sent twice at once: one is recorded, the other is the duplicate.
    const both = await Promise.all([
      postTicket(row.id, ticketInput({ ticketNumber: "W-78", grossWeight: "20", tareWeight: "10" })),
      postTicket(row.id, ticketInput({ ticketNumber: "w-78", grossWeight: "20", tareWeight: "10" })),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await portal().db.$count(deliveryTickets, eq(deliveryTickets.contractId, row.id))).toBe(2);
  });

  it("value discounts exactly, count rejected and out-of-spec loads, and tell the organization what is out of spec", async () => {
    const row = await deliveryContract(parties, "porg_tkt_values");
    const percent = await postTicket(
      row.id,
      ticketInput({
        ticketNumber: "P-1",
        grossWeight: "38.603",
        tareWeight: "14.420",
        decision: "accept_with_discount",
        discountKind: "percent",
        discountAmount: "2.5",
        measurements: [{ name: "Moisture", value: "15.20", unit: "%" }],
      }),
    );
    expect(percent.status).toBe(201);
    // 24.183 t × 245.50 = 5936.9265 → 5936.93; 2.5 % of 5936.9265 = 148.4231625 → 148.42.
    expect((await percent.json()).delivery.tickets[0]).toMatchObject({
      netWeight: "24.183",
      acceptedQuantity: "24.183",
      discount: "148.42",
      value: "5788.51",
      outOfSpec: true,
    });
    const perUnit = await postTicket(
      row.id,
      ticketInput({
        ticketNumber: "P-2",
        grossWeight: "38.603",
        tareWeight: "14.420",
        decision: "accept_with_discount",
        discountKind: "per_unit",
        discountAmount: "3.333",
      }),
    );
    // 24.183 × 3.333 = 80.601939 → 80.60.
    const afterPerUnit = await perUnit.json();
    expect(afterPerUnit.delivery.tickets[1]).toMatchObject({ discount: "80.60", value: "5856.33" });
    expect(afterPerUnit.delivery.entries.at(-1).text).toBe(
      "Ticket P-2: 24.183 t accepted with a discount of EUR 80.60",
    );
    const rejected = await postTicket(
      row.id,
      ticketInput({ ticketNumber: "P-3", decision: "reject", rejectionReason: "Musty smell" }),
    );
    const contract = await rejected.json();
    expect(contract.delivery.tickets[2]).toMatchObject({ acceptedQuantity: "0.000", value: "0.00", discount: "0.00" });
    expect(contract.delivery.entries.at(-1).text).toBe("Ticket P-3: 24.18 t rejected: Musty smell");
    expect(contract.delivery.ledger).toMatchObject({
      accepted: "48.366",
      rejected: "24.180",
      remaining: "51.634",
      value: "11644.84",
      discounts: "229.02",
      loads: 3,
      outOfSpecLoads: 1,
    });
    expect(contract.delivery.entries.map((e: { accepted: string }) => e.accepted)).toEqual([
      "24.183",
      "48.366",
      "48.366",
    ]);
    for (const userId of [parties.buyer.userId, parties.buyer.memberUserId]) {
      const outOfSpec = (await notificationsOf(userId)).filter(
        (n) => n.type === "delivery.out_of_spec" && n.link?.includes(row.id),
      );
      expect(outOfSpec.map((n) => n.body)).toEqual(["24.183 t from Farm porg_tkt_values: Moisture 15.2 % (max 14.5)."]);
    }
  });

  it("refuse a load that would pass the maximum under refuse (409 over-tolerance), storing nothing", async () => {
    const row = await deliveryContract(parties, "porg_tkt_over");
    expect((await postTicket(row.id, ticketInput({ grossWeight: "74.42", tareWeight: "14.42" }))).status).toBe(201);
    const before = await deliveryRows(row.id);
    const problem = await expectProblem(
      await postTicket(row.id, ticketInput({ grossWeight: "60.42", tareWeight: "14.42" })),
      409,
    );
    expect(problem.type).toBe("urn:lotbridge:problem:over-tolerance");
    expect(problem.detail).toContain("to 106 t");
    expect(problem.detail).toContain("maximum of 105 t");
    expect(await deliveryRows(row.id)).toEqual(before);
    // A rejected load moves nothing accepted, so it is recorded.
    const rejected = await postTicket(
      row.id,
      ticketInput({ grossWeight: "60.42", tareWeight: "14.42", decision: "reject", rejectionReason: "Wet" }),
    );
    expect(rejected.status).toBe(201);
  });

  it("let one of two loads posted at once through when both would pass the maximum", async () => {
    const row = await deliveryContract(parties, "porg_tkt_race");
    const load = () => ticketInput({ grossWeight: "74.42", tareWeight: "14.42" });
    const answers = await Promise.all([postTicket(row.id, load()), postTicket(row.id, load())]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const refused = answers.find((a) => a.status === 409) as Response;
    expect((await refused.json()).type).toBe("urn:lotbridge:problem:over-tolerance");
    const read = await call(readContract, `${BASE}/contracts/${row.id}`, {
      cookie: parties.buyerCookie,
      params: { id: row.id },
    });
    const contract = await read.json();
    expect(contract.delivery.ledger).toMatchObject({ accepted: "60.000", loads: 1 });
    expect(contract.delivery.tickets).toHaveLength(1);
  });

  it("store ten loads posted at once under flag, the ledger their exact sum, marked over tolerance", async () => {
    const row = await deliveryContract(parties, "porg_tkt_flag", {
      tolerance: { percent: "5", option: "buyer", beyond: "flag" },
    });
    const before = await webhooksAbout(row.id);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        postTicket(row.id, ticketInput({ ticketNumber: `F-${i}`, grossWeight: `${25 + i}.111`, tareWeight: "14.000" })),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    const read = await call(readContract, `${BASE}/contracts/${row.id}`, {
      cookie: parties.buyerCookie,
      params: { id: row.id },
    });
    const contract = await read.json();
    // Σ (11.111 + i) for i = 0…9 = 111.11 + 45.
    expect(contract.delivery.ledger).toMatchObject({
      accepted: "156.110",
      loads: 10,
      overTolerance: true,
      withinTolerance: false,
    });
    expect(contract.delivery.entries.at(-1).accepted).toBe("156.110");
    // In recording order: the tickets as their entries were written, at times that never go back.
    const received = contract.delivery.entries.filter((e: { kind: string }) => e.kind === "received");
    expect(contract.delivery.tickets.map((t: { id: string }) => t.id)).toEqual(
      received.map((e: { ticketId: string }) => e.ticketId),
    );
    const times = received.map((e: { at: string }) => e.at);
    expect([...times].sort()).toEqual(times);
    expect(contract.version).toBe(row.version + 10);
    const sent = (await webhooksAbout(row.id)).slice(before.length);
    expect(sent).toEqual(Array(10).fill(["delivery.received", FIRST_PLATFORM_ID]));
  });

  it("take an organization key with deliveries:write (once per Idempotency-Key), and refuse one without it", async () => {
    const { db } = portal();
    const row = await deliveryContract(parties, "porg_tkt_key");
    const organizationId = parties.buyer.organizationId;
    const writer = await issueApiKey(db, {
      name: "Weighbridge 2",
      platform: null,
      organizationId,
      scopes: ["deliveries:write"],
    });
    const reader = await issueApiKey(db, { name: "ERP", platform: null, organizationId, scopes: ["contracts:read"] });
    const before = await deliveryRows(row.id);
    await expectProblem(await postTicket(row.id, ticketInput(), { headers: { "x-api-key": reader.key } }), 403);
    await expectProblem(
      await postTicket(row.id, ticketInput(), { headers: { "x-api-key": parties.platformKey } }),
      403,
    );
    expect(await deliveryRows(row.id)).toEqual(before);

    const headers = { "x-api-key": writer.key, "idempotency-key": idempotencyKey() };
    const body = ticketInput({ ticketNumber: "K-1" });
    const first = await postTicket(row.id, body, { headers });
    expect(first.status).toBe(201);
    const again = await postTicket(row.id, body, { headers });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const contract = await again.json();
    expect(contract.delivery.tickets).toHaveLength(1);
    expect(contract.delivery.tickets[0].recordedBy).toEqual({ party: "buyer", name: "Weighbridge 2" });
    // Recorded by a key, every member hears of it.
    for (const userId of [parties.buyer.userId, parties.buyer.memberUserId]) {
      const received = (await notificationsOf(userId)).filter(
        (n) => n.type === "delivery.received" && n.link?.includes(row.id),
      );
      expect(received).toHaveLength(1);
    }
    // The same key corrects it, and a key that only reads cannot.
    const ticketId = contract.delivery.tickets[0].id;
    const fix = { ...ticketInput({ grossWeight: "38.7" }), ticketNumber: undefined, reason: "Scale recalibrated" };
    await expectProblem(await postCorrection(row.id, ticketId, fix, { headers: { "x-api-key": reader.key } }), 403);
    const corrected = await postCorrection(row.id, ticketId, fix, { headers: { "x-api-key": writer.key } });
    expect(corrected.status).toBe(201);
    expect((await corrected.json()).delivery.tickets[0]).toMatchObject({
      version: 2,
      netWeight: "24.280",
      recordedBy: { party: "buyer", name: "Weighbridge 2" },
    });
    const neighbour = await buyerOrganization("Delivery Neighbour");
    const neighbourKey = await issueApiKey(db, {
      name: "Their weighbridge",
      platform: null,
      organizationId: neighbour.organizationId,
      scopes: ["deliveries:write"],
    });
    const counts = await deliveryRows(row.id);
    await expectProblem(await postTicket(row.id, ticketInput(), { headers: { "x-api-key": neighbourKey.key } }), 404);
    expect(await deliveryRows(row.id)).toEqual(counts);
  });
});

describe("limits", () => {
  it("refuse a dispatch or ticket past the most one contract holds (409), storing nothing", async () => {
    const { db } = portal();
    const row = await deliveryContract(parties, "porg_limits");
    const at = new Date();
    await db.insert(contractDispatches).values(
      Array.from({ length: MAX_DISPATCHES }, (_, i) => ({
        id: `dsp_limit${i}`,
        contractId: row.id,
        externalId: `limit-${i}`,
        plannedDate: "2027-09-03",
        vehicleReference: `L ${i}`,
        estimatedWeight: "0.1",
        announcedAt: at,
        announcedByName: "Farm porg_limits",
      })),
    );
    await db.insert(deliveryTickets).values(
      Array.from({ length: MAX_TICKETS }, (_, i) => ({
        id: `tkt_limit${i}`,
        contractId: row.id,
        number: `L-${i}`,
        createdAt: at,
      })),
    );
    const before = await deliveryRows(row.id);
    const dispatch = await expectProblem(await postDispatch(row.id, "porg_limits", dispatchInput()), 409);
    expect(dispatch.type).toBe("urn:lotbridge:problem:too-many-dispatches");
    const ticket = await expectProblem(await postTicket(row.id, ticketInput()), 409);
    expect(ticket.type).toBe("urn:lotbridge:problem:too-many-tickets");
    expect(await deliveryRows(row.id)).toEqual(before);
  });
});

describe("ticket corrections", () => {
  it("add a version with its reason, keep the earlier one in history and move the ledger", async () => {
    const row = await deliveryContract(parties, "porg_fix_ok");
    const recorded = await (await postTicket(row.id, ticketInput({ ticketNumber: "W-9" }))).json();
    const ticketId = recorded.delivery.tickets[0].id;
    const before = await webhooksAbout(row.id);
    const response = await postCorrection(
      row.id,
      ticketId,
      ticketInput({ ticketNumber: undefined, tareWeight: "14.600", reason: "Tare re-weighed" }),
      { cookie: adminCookie },
    );
    expect(response.status).toBe(201);
    const contract = await response.json();
    const [ticket] = contract.delivery.tickets;
    expect(ticket).toMatchObject({
      id: ticketId,
      number: "W-9",
      version: 2,
      netWeight: "24.000",
      correctionReason: "Tare re-weighed",
      recordedBy: { party: "buyer", name: "Delivery Mill admin" },
    });
    const { id: _id, number: _number, history: _history, ...firstVersion } = recorded.delivery.tickets[0];
    expect(ticket.history).toEqual([firstVersion]);
    expect(contract.delivery.ledger).toMatchObject({ accepted: "24.000", value: "5892.00", loads: 1 });
    expect(contract.delivery.entries.at(-1)).toMatchObject({
      kind: "corrected",
      ticketId,
      accepted: "24.000",
      text: "Ticket W-9 corrected (Tare re-weighed): 24 t accepted",
    });
    expect((await webhooksAbout(row.id)).slice(before.length)).toEqual([["delivery.corrected", FIRST_PLATFORM_ID]]);
  });

  it("refuse a bad correction, another contract's ticket and one past the maximum; nothing stored", async () => {
    const row = await deliveryContract(parties, "porg_fix_bad");
    const other = await deliveryContract(parties, "porg_fix_other");
    const first = await (await postTicket(row.id, ticketInput({ grossWeight: "64.42", tareWeight: "14.42" }))).json();
    const second = await (await postTicket(row.id, ticketInput({ grossWeight: "54.42", tareWeight: "14.42" }))).json();
    const ticketId = first.delivery.tickets[0].id;
    expect(second.delivery.ledger.accepted).toBe("90.000");
    const before = await deliveryRows(row.id);
    const fix = (change: Record<string, unknown>) =>
      ticketInput({ ticketNumber: undefined, reason: "Re-weighed", ...change });
    await expectProblem(await postCorrection(row.id, ticketId, fix({ reason: "" })), 422, "reason");
    await expectProblem(await postCorrection(row.id, ticketId, fix({ tareWeight: "70" })), 422, "tareWeight");
    await expectProblem(await postCorrection(row.id, ticketId, fix({ netWeight: "1" })), 422, "netWeight");
    await expectProblem(
      await postCorrection(row.id, ticketId, fix({ measurements: [{ name: "Ash", value: "1", unit: "%" }] })),
      422,
      "measurements.0.name",
    );
    await expectProblem(await postCorrection(other.id, ticketId, fix({})), 404);
    await expectProblem(await postCorrection(row.id, "tkt_nope", fix({})), 404);
    await expectProblem(await postCorrection(row.id, ticketId, fix({}), { cookie: otherBuyerCookie }), 404);
    // 50 t in place of its 50 t plus 40 t is 90 t; 66 t in its place would be 106 t, past 105 t.
    const over = await expectProblem(
      await postCorrection(row.id, ticketId, fix({ grossWeight: "80.42", tareWeight: "14.42" })),
      409,
    );
    expect(over.type).toBe("urn:lotbridge:problem:over-tolerance");
    expect(await deliveryRows(row.id)).toEqual(before);
    const within = await postCorrection(row.id, ticketId, fix({ grossWeight: "79.42", tareWeight: "14.42" }));
    expect(within.status).toBe(201);
    expect((await within.json()).delivery.ledger).toMatchObject({ accepted: "105.000", withinTolerance: true });
  });
});
