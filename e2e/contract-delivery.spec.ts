import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { eventually, type PortalPair, sessionCookie, startPortalPair } from "./harness/portal-pair";
import { confirmedBid, getJson, send, sha256 } from "./harness/workflow";

// A contract carried through delivery across two real portal processes with their own databases (docs/deliveries.md),
// through their APIs only, no browser: loads announced while the buyer portal is down, tickets recorded while the
// producer portal is down, and random sequences of dispatches, tickets and corrections after which the producer's
// replica says exactly what the buyer portal says.

const DAY = 86_400_000;
// The machine is shared: news between the portals may take longer than the harness default.
const SLOW = 60_000;

type Dispatch = { id: string; externalId: string | null; vehicleReference: string; ticketIds: string[] };
type Ticket = { id: string; number: string; version: number; decision: string; history: unknown[] };
type Contract = {
  id: string;
  number: string;
  status: string;
  bidId: string;
  version: number;
  terms: { tolerance: { percent: string }; qualityParameters: { name: string; unit: string }[] };
  delivery: { dispatches: Dispatch[]; tickets: Ticket[]; ledger: Record<string, unknown> };
};

let pair: PortalPair;
let anna: string;
let piet: string;

test.beforeEach(async () => {
  pair = await startPortalPair();
  anna = await sessionCookie(pair.buyer.url, "anna@northfield.example");
  piet = await sessionCookie(pair.producer.url, "piet@greenacre.example");
});

test.afterEach(async () => {
  await pair.stop();
});

const buyerContract = (id: string): Promise<Contract> => getJson(`${pair.buyer.url}/api/contracts/${id}`, anna);
/** The producer portal's replica: the newest snapshot the buyer portal sent it. */
const producerContract = async (id: string): Promise<Contract> =>
  (await getJson(`${pair.producer.url}/api/contracts/${id}`, piet)).snapshot;

/** Anna's published lot of milling wheat, `volume` t, with wheat's usual terms (±5 %, refused beyond); its id. */
async function wheatLot(volume: string): Promise<string> {
  const created = await send(`${pair.buyer.url}/api/lots`, anna, "POST", {
    title: `Milling wheat, ${volume} t by truck`,
    commodity: "Milling wheat",
    description: "",
    qualitySpecs: "Sound and sweet",
    volume,
    unit: "t",
    minBidVolume: volume,
    partialBidsAllowed: false,
    targetPrice: "240",
    currency: "EUR",
    deliveryLocation: "Northfield Mill, Hamburg",
    incoterm: "DAP",
    deliveryStart: new Date(Date.now() - DAY).toISOString().slice(0, 10),
    deliveryEnd: new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10),
    biddingDeadline: new Date(Date.now() + 5 * DAY).toISOString(),
    paymentTerms: "30 days after delivery",
  });
  expect(created.status).toBe(201);
  const lot = await created.json();
  expect(lot.tolerance).toEqual({ percent: "5.00", option: "seller", beyond: "refuse" });
  expect((await send(`${pair.buyer.url}/api/lots/${lot.id}/publish`, anna, "POST")).status).toBe(200);
  return lot.id;
}

/** An active contract on a new wheat lot: Piet's bid for the whole volume at EUR 240 accepted, signed by both. */
async function activeContract(volume = "100"): Promise<Contract> {
  const lotId = await wheatLot(volume);
  await eventually(
    async () => (await send(`${pair.producer.url}/api/marketplace/lots/${lotId}`, piet, "GET")).ok,
    SLOW,
  );
  const bid = await confirmedBid(pair, piet, volume, lotId);
  const accepted = await send(`${pair.buyer.url}/api/bids/${bid.buyerBidId}`, anna, "PUT", { action: "accept" });
  expect(accepted.status).toBe(200);
  const contracts = (await getJson(`${pair.buyer.url}/api/contracts`, anna)).data as Contract[];
  const created = contracts.find((contract) => contract.bidId === bid.buyerBidId);
  if (!created) throw new Error(`no contract for bid ${bid.buyerBidId}`);
  const { id } = created;
  const pdf = await (await send(`${pair.buyer.url}/api/contracts/${id}/document`, anna, "GET")).arrayBuffer();
  await eventually(async () => (await send(`${pair.producer.url}/api/contracts/${id}`, piet, "GET")).ok, SLOW);
  const signed = await send(`${pair.buyer.url}/api/contracts/${id}/signatures`, anna, "POST", {
    documentHash: sha256(pdf),
  });
  expect(signed.status).toBe(201);
  expect((await send(`${pair.producer.url}/api/contracts/${id}/signatures`, piet, "POST")).status).toBe(202);
  const contract = await eventually(async () => {
    const answer = await buyerContract(id);
    return answer.status === "active" ? answer : undefined;
  }, SLOW);
  await eventually(async () => (await producerContract(id)).status === "active", SLOW);
  // The contract copied the lot's terms at acceptance.
  expect(contract.terms.tolerance.percent).toBe("5.00");
  expect(contract.terms.qualityParameters.map((p) => p.name)).toEqual([
    "Moisture",
    "Protein",
    "Test weight",
    "Falling number",
  ]);
  return contract;
}

/** Piet announces a load on the producer portal: 202, sending until the buyer portal has it; its pdsp_ id. */
async function announce(contractId: string, vehicleReference: string, estimatedWeight = "25"): Promise<string> {
  const answer = await send(`${pair.producer.url}/api/contracts/${contractId}/dispatches`, piet, "POST", {
    plannedDate: new Date().toISOString().slice(0, 10),
    vehicleReference,
    estimatedWeight,
    note: "",
  });
  expect(answer.status).toBe(202);
  return (await answer.json()).id;
}

/** How often the producer's contract page marks one of its loads with `badge`. */
async function badges(contractId: string, badge: string): Promise<number> {
  const page = await (await send(`${pair.producer.url}/contracts/${contractId}`, piet, "GET")).text();
  return page.split(`>${badge}<`).length - 1;
}

const measured = (moisture: string, protein: string) => [
  { name: "Moisture", value: moisture, unit: "%" },
  { name: "Protein", value: protein, unit: "%" },
];

/** What Anna's weighbridge records for a load of `net` t (tare 14.2 t). */
function ticketFacts(net: string, decision: Decision, dispatchId: string | null = null) {
  const gross = (Number(net) * 1000 + 14_200) / 1000;
  return {
    receivedAt: new Date().toISOString(),
    dispatchId,
    grossWeight: gross.toFixed(3),
    tareWeight: "14.200",
    measurements: decision.outOfSpec ? measured("15.1", "11.9") : measured("13.2", "12.9"),
    decision: decision.kind,
    discountKind: decision.kind === "accept_with_discount" ? decision.discountKind : null,
    discountAmount: decision.kind === "accept_with_discount" ? decision.discountAmount : null,
    rejectionReason: decision.kind === "reject" ? "Moisture far above 14.5 %" : "",
    note: "",
  };
}

type Decision =
  | { kind: "accept"; outOfSpec: boolean }
  | { kind: "accept_with_discount"; outOfSpec: boolean; discountKind: "per_unit" | "percent"; discountAmount: string }
  | { kind: "reject"; outOfSpec: boolean };

test("loads announced while the buyer portal is down reach it once each after its restart, and the producer sees them delivered", async () => {
  const contract = await activeContract();
  await pair.buyer.stop();
  const announced = [
    await announce(contract.id, "HH-LB 101"),
    await announce(contract.id, "HH-LB 102"),
    await announce(contract.id, "HH-LB 103"),
  ];
  expect(await badges(contract.id, "Sending")).toBe(3);

  await pair.buyer.start();
  anna = await sessionCookie(pair.buyer.url, "anna@northfield.example");
  const arrived = await eventually(async () => {
    const answer = await buyerContract(contract.id);
    return answer.delivery.dispatches.length >= 3 ? answer : undefined;
  }, SLOW);
  // Each once, however often the producer's outbox retried while the buyer portal was away.
  expect(arrived.delivery.dispatches.map((d) => d.externalId).sort()).toEqual([...announced].sort());
  expect(arrived.delivery.dispatches.map((d) => d.vehicleReference).sort()).toEqual([
    "HH-LB 101",
    "HH-LB 102",
    "HH-LB 103",
  ]);
  expect(arrived.status).toBe("in_delivery");

  await eventually(async () => (await badges(contract.id, "Delivered to the buyer")) === 3, SLOW);
  expect(await badges(contract.id, "Sending")).toBe(0);
  // Nothing more arrives later: still three, and the producer's replica lists the same three.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const settled = await buyerContract(contract.id);
  expect(settled.delivery.dispatches).toHaveLength(3);
  const replica = await eventually(async () => {
    const held = await producerContract(contract.id);
    return held.version === settled.version ? held : undefined;
  }, SLOW);
  expect(replica.delivery.dispatches).toEqual(settled.delivery.dispatches);
  expect(replica.status).toBe("in_delivery");
});

test("tickets recorded while the producer portal is down reach it once each after its restart: its contract equals the buyer's", async () => {
  const contract = await activeContract();
  await pair.producer.stop();
  const recorded: string[] = [];
  for (const [number, net, decision] of [
    ["WB-7001", "24.5", { kind: "accept", outOfSpec: false }],
    [
      "WB-7002",
      "26.25",
      { kind: "accept_with_discount", outOfSpec: true, discountKind: "per_unit", discountAmount: "4" },
    ],
    ["WB-7003", "20", { kind: "reject", outOfSpec: true }],
  ] as const) {
    const answer = await send(`${pair.buyer.url}/api/contracts/${contract.id}/tickets`, anna, "POST", {
      ticketNumber: number,
      ...ticketFacts(net, decision as Decision),
    });
    expect(answer.status).toBe(201);
    recorded.push(number);
  }
  const buyer = await buyerContract(contract.id);
  expect(buyer.delivery.tickets.map((t) => t.number)).toEqual(recorded);
  expect(buyer.delivery.ledger).toMatchObject({ accepted: "50.750", rejected: "20.000", loads: 3, outOfSpecLoads: 2 });

  await pair.producer.start();
  piet = await sessionCookie(pair.producer.url, "piet@greenacre.example");
  const replica = await eventually(async () => {
    const held = await producerContract(contract.id);
    return held.version === buyer.version ? held : undefined;
  }, SLOW);
  expect(replica).toEqual(buyer);
  expect(replica.delivery.tickets.map((t) => t.number)).toEqual(recorded);
});

// ---------------------------------------------------------------------------------------------------------------------
// Random sequences: whatever happens in whatever order, the producer ends up with the buyer's delivery.

type Step =
  | { kind: "dispatch"; weight: number }
  | { kind: "ticket"; net: number; decision: Decision; onDispatch: boolean }
  | { kind: "correction"; which: number; net: number; decision: Decision };

const decisionArb: fc.Arbitrary<Decision> = fc.oneof(
  fc.record({ kind: fc.constant("accept" as const), outOfSpec: fc.boolean() }),
  fc.record({
    kind: fc.constant("accept_with_discount" as const),
    outOfSpec: fc.boolean(),
    discountKind: fc.constantFrom("per_unit" as const, "percent" as const),
    discountAmount: fc.constantFrom("1.5", "2.75", "10"),
  }),
  fc.record({ kind: fc.constant("reject" as const), outOfSpec: fc.constant(true) }),
);
// Net weights of 10 to 35 t, in kilograms.
const netArb = fc.integer({ min: 10_000, max: 35_000 });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("dispatch" as const), weight: fc.integer({ min: 10, max: 30 }) }),
  fc.record({ kind: fc.constant("ticket" as const), net: netArb, decision: decisionArb, onDispatch: fc.boolean() }),
  fc.record({ kind: fc.constant("correction" as const), which: fc.nat(), net: netArb, decision: decisionArb }),
);

const tons = (kilograms: number) => (kilograms / 1000).toFixed(3);

/** Runs one step against the portals; answers what the buyer portal answered (201, 202, or 409 over-tolerance). */
async function runStep(contractId: string, step: Step, index: number): Promise<string> {
  const buyerNow = await buyerContract(contractId);
  const ticketsNow = buyerNow.delivery.tickets;
  if (step.kind === "dispatch") {
    await announce(contractId, `HH-P ${index}`, String(step.weight));
    return "dispatch 202";
  }
  const over = async (answer: Response) => {
    if (answer.status === 201) return "201";
    expect(answer.status).toBe(409);
    expect((await answer.json()).type).toBe("urn:lotbridge:problem:over-tolerance");
    return "409 over-tolerance";
  };
  if (step.kind === "correction" && ticketsNow.length > 0) {
    const ticket = ticketsNow[step.which % ticketsNow.length];
    const answer = await send(
      `${pair.buyer.url}/api/contracts/${contractId}/tickets/${ticket.id}/corrections`,
      anna,
      "POST",
      { ...ticketFacts(tons(step.net), step.decision), reason: `Re-weighed (step ${index})` },
    );
    return `correction ${await over(answer)}`;
  }
  // A ticket (or a correction before any ticket exists, which is then a ticket).
  const { net, decision } = step;
  const dispatches = buyerNow.delivery.dispatches;
  const dispatchId = step.kind === "ticket" && step.onDispatch && dispatches.length > 0 ? dispatches[0].id : null;
  const answer = await send(`${pair.buyer.url}/api/contracts/${contractId}/tickets`, anna, "POST", {
    ticketNumber: `WB-${index}-${ticketsNow.length + 1}`,
    ...ticketFacts(tons(net), decision, dispatchId),
  });
  return `ticket ${await over(answer)}`;
}

test("after any sequence of dispatches, tickets, discounts, rejections and corrections, the producer's delivery equals the buyer's", async () => {
  test.setTimeout(20 * 60_000);
  const runs: string[][] = [];
  await fc.assert(
    fc.asyncProperty(fc.array(stepArb, { minLength: 3, maxLength: 8 }), async (steps) => {
      // 40 t: ±5 % allows at most 42 t, so two accepted loads may already be refused beyond the tolerance.
      const contract = await activeContract("40");
      const answers: string[] = [];
      for (const [index, step] of steps.entries()) answers.push(await runStep(contract.id, step, index));

      // Every load announced has reached the buyer portal, and the producer applied the final version.
      const announced = steps.filter((step) => step.kind === "dispatch").length;
      const buyer = await eventually(async () => {
        const answer = await buyerContract(contract.id);
        return answer.delivery.dispatches.length === announced ? answer : undefined;
      }, SLOW);
      await eventually(async () => (await badges(contract.id, "Sending")) === 0, SLOW);
      const final = await buyerContract(contract.id);
      expect(final.version).toBe(buyer.version);
      const replica = await eventually(async () => {
        const held = await producerContract(contract.id);
        return held.version === final.version ? held : undefined;
      }, SLOW);
      // What the buyer portal took is stored once, what it refused not at all.
      expect(final.delivery.tickets).toHaveLength(answers.filter((answer) => answer === "ticket 201").length);
      const corrections = final.delivery.tickets.reduce((sum, ticket) => sum + ticket.history.length, 0);
      expect(corrections).toBe(answers.filter((answer) => answer === "correction 201").length);
      const { accepted, maximum } = final.delivery.ledger;
      runs.push([...answers, `accepted ${accepted} of at most ${maximum}`]);
      expect(replica.delivery).toEqual(final.delivery);
      expect(replica.status).toBe(final.status);
      expect(final.status).toBe("in_delivery");
    }),
    // Each run is a new contract through both portals: few runs, and a failure is reported as found, not shrunk.
    { numRuns: 4, endOnFailure: true },
  );
  console.log(`sequences run: ${runs.map((answers) => answers.join(", ")).join(" | ")}`);
});
