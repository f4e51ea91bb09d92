import type { TestSmtpServer } from "@lotbridge/notifications/testing/test-smtp-server";
import { expect, test } from "@playwright/test";
import { eventually, type PortalPair } from "./harness/portal-pair";
import {
  confirmedBid as confirmedBidOf,
  getJson,
  type ProducerBid,
  send,
  sha256,
  startWorkflowStack,
  titlesOf,
  type WorkflowStack,
} from "./harness/workflow";

// Decisions, negotiation and contracts across two real portal processes: every answer of the producer goes through
// its outbox, every change of the buyer reaches the producer as a signed webhook (docs/contracts.md). The producer
// portal being down during an acceptance is workflow.spec.ts's scenario 4.

type Contract = {
  id: string;
  number: string;
  status: string;
  terms: { volume: string; pricePerUnit: string; total: string };
  signatures: { party: string; documentHash: string }[];
};

let stack: WorkflowStack;
let pair: PortalPair;
let smtp: TestSmtpServer;
let anna: string;
let piet: string;

test.beforeEach(async () => {
  stack = await startWorkflowStack();
  ({ pair, smtp, anna, piet } = stack);
});

test.afterEach(() => stack.stop());

const DAY = 86_400_000;

const producerBid = (id: string): Promise<ProducerBid> => getJson(`${pair.producer.url}/api/bids/${id}`, piet);
const confirmedBid = (volume = "100") => confirmedBidOf(pair, piet, volume);

const producerContracts = async (): Promise<Contract[]> => {
  const body = await getJson(`${pair.producer.url}/api/contracts`, piet);
  return (body.data as { snapshot?: Contract }[]).map((row) => row.snapshot ?? (row as unknown as Contract));
};

test("bid → counter → counter back → accept → the same contract on both sides → both sign → active", async () => {
  const bid = await confirmedBid();
  const expiresAt = new Date(Date.now() + DAY).toISOString();

  // The buyer counters; the producer sees the counter-offer on its bid and is told.
  const countered = await send(`${pair.buyer.url}/api/bids/${bid.buyerBidId}/counter`, anna, "POST", {
    volume: "90",
    pricePerUnit: "236.00",
    deliveryTerms: "DAP Hamburg, October",
    message: "90 t at 236?",
    expiresAt,
  });
  expect(countered.status).toBe(201);
  await eventually(async () => (await producerBid(bid.id)).state === "countered");
  expect(await titlesOf(pair.producer.url, piet)).toEqual(expect.arrayContaining([expect.stringMatching(/countered/)]));

  // The producer counters back through its outbox; the buyer is told.
  const back = await send(`${pair.producer.url}/api/bids/${bid.id}/counter-offers`, piet, "POST", {
    volume: "95",
    pricePerUnit: "238.00",
    deliveryTerms: "DAP Hamburg, October",
    message: "95 t at 238.",
    expiresAt,
  });
  expect(back.status).toBe(202);
  await eventually(async () =>
    (await titlesOf(pair.buyer.url, anna)).find((title) => title.includes("countered your offer")),
  );

  // The buyer accepts the producer's last terms: one contract, the same on both sides.
  const acceptedAt = performance.now();
  const accepted = await send(`${pair.buyer.url}/api/bids/${bid.buyerBidId}`, anna, "PUT", { action: "accept" });
  expect(accepted.status).toBe(200);
  const acceptLatency = performance.now() - acceptedAt;
  const buyerList = await getJson(`${pair.buyer.url}/api/contracts`, anna);
  expect(buyerList.data).toHaveLength(1);
  const buyerContract: Contract = await getJson(`${pair.buyer.url}/api/contracts/${buyerList.data[0].id}`, anna);
  expect(buyerContract.terms).toMatchObject({ volume: "95.000", pricePerUnit: "238.0000", total: "22610.00" });
  const [mirrored] = await eventually(async () => {
    const list = await producerContracts();
    return list.length > 0 ? list : undefined;
  });
  console.log(
    `accept answered in ${Math.round(acceptLatency)} ms; contract in the producer portal ${Math.round(performance.now() - acceptedAt)} ms after the click`,
  );
  expect(mirrored).toMatchObject({ id: buyerContract.id, number: buyerContract.number, terms: buyerContract.terms });
  await eventually(async () => (await producerBid(bid.id)).state === "accepted");

  // Both portals serve the same PDF; both parties sign it.
  const buyerPdf = await (
    await send(`${pair.buyer.url}/api/contracts/${buyerContract.id}/document`, anna, "GET")
  ).arrayBuffer();
  const producerPdf = await (
    await send(`${pair.producer.url}/api/contracts/${buyerContract.id}/document`, piet, "GET")
  ).arrayBuffer();
  expect(sha256(producerPdf)).toBe(sha256(buyerPdf));
  const signed = await send(`${pair.buyer.url}/api/contracts/${buyerContract.id}/signatures`, anna, "POST", {
    documentHash: sha256(buyerPdf),
  });
  expect(signed.status).toBe(201);
  expect((await send(`${pair.producer.url}/api/contracts/${buyerContract.id}/signatures`, piet, "POST")).status).toBe(
    202,
  );

  const active: Contract = await eventually(async () => {
    const contract: Contract = await getJson(`${pair.buyer.url}/api/contracts/${buyerContract.id}`, anna);
    return contract.status === "active" ? contract : undefined;
  });
  expect(active.signatures.map((s) => [s.party, s.documentHash])).toEqual([
    ["buyer", sha256(buyerPdf)],
    ["producer", sha256(buyerPdf)],
  ]);
  await eventually(async () => (await producerContracts())[0]?.status === "active");

  // Each step told the right people, in the app and by email.
  const buyerTitles = await titlesOf(pair.buyer.url, anna);
  expect(buyerTitles).toEqual(
    expect.arrayContaining([
      `Greenacre Farms signed contract ${buyerContract.number}`,
      `Contract ${buyerContract.number} is active`,
    ]),
  );
  await eventually(async () =>
    smtp.mails.find(
      (m) => m.recipients.includes("piet@greenacre.example") && m.headers.subject.includes(buyerContract.number),
    ),
  );
  await eventually(async () =>
    smtp.mails.find((m) => m.recipients.includes("anna@northfield.example") && m.headers.subject.includes("is active")),
  );
});
