import { lineTotal } from "@lotbridge/contract/decimal";
import { largest, TOTAL } from "@lotbridge/contract/limits";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { eventually, type PortalPair, sessionCookie, startPortalPair } from "./harness/portal-pair";
import { getJson, type ProducerBid, send } from "./harness/workflow";

// One precision across two real portal processes (docs/bids.md, "Limits"). No browser: the producer portal's API,
// its outbox, the buyer portal's API and the contract.created webhook back.

const DAY = 86_400_000;
// 10,000,000.001 t at 99,999,999,990 a tonne is exactly the largest total a contract can hold.
const VOLUME = "10000000.001";
const PRICE = "99999999990";
// One step of price more (0.0001) adds 1,000.00 to the total.
const PRICE_OVER = "99999999990.0001";

type Contract = { id: string; terms: { volume: string; pricePerUnit: string; total: string } };

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

async function producerCount(table: "producer_bid" | "outbox_message"): Promise<number> {
  const client = new pg.Client({ connectionString: pair.env.producer.DATABASE_URL });
  await client.connect();
  try {
    return Number((await client.query(`select count(*) from ${table}`)).rows[0].count);
  } finally {
    await client.end();
  }
}
const producerCounts = async () => ({
  bids: await producerCount("producer_bid"),
  outbox: await producerCount("outbox_message"),
});

/** A published lot of Anna's as large as the bid, with no target price, once the producer marketplace shows it. */
async function hugeLot(): Promise<string> {
  const created = await send(`${pair.buyer.url}/api/lots`, anna, "POST", {
    title: "Wheat, the whole harvest",
    commodity: "Wheat",
    volume: VOLUME,
    unit: "t",
    minBidVolume: "1",
    partialBidsAllowed: true,
    targetPrice: null,
    currency: "EUR",
    deliveryLocation: "Northfield Mill, Hamburg",
    incoterm: "DAP",
    deliveryStart: "2027-10-01",
    deliveryEnd: "2027-10-31",
    biddingDeadline: new Date(Date.now() + 6 * DAY).toISOString(),
    paymentTerms: "30 days after delivery",
  });
  expect(created.status).toBe(201);
  const { id } = await created.json();
  expect((await send(`${pair.buyer.url}/api/lots/${id}/publish`, anna, "POST")).status).toBe(200);
  await eventually(async () => (await send(`${pair.producer.url}/api/marketplace/lots/${id}`, piet, "GET")).ok);
  return id;
}

const bidOn = (lotId: string, pricePerUnit: string) =>
  send(`${pair.producer.url}/api/marketplace/lots/${lotId}/bids`, piet, "POST", {
    volume: VOLUME,
    pricePerUnit,
    currency: "EUR",
    deliveryTerms: "DAP Hamburg",
    message: "",
    validUntil: new Date(Date.now() + 5 * DAY).toISOString(),
  });

test("the largest bid that fits becomes the same contract on both sides; one step over is refused at the producer's door", async () => {
  expect(lineTotal(VOLUME, PRICE)).toBe(largest(TOTAL));
  const lotId = await hugeLot();

  const before = await producerCounts();
  const over = await bidOn(lotId, PRICE_OVER);
  expect(over.status).toBe(422);
  expect(over.headers.get("content-type")).toContain("application/problem+json");
  const problem = await over.json();
  expect(problem.errors).toEqual([{ field: "pricePerUnit", message: expect.stringContaining(largest(TOTAL)) }]);
  expect(await producerCounts()).toEqual(before);

  const placed = await bidOn(lotId, PRICE);
  expect(placed.status).toBe(202);
  const { id } = await placed.json();
  const bid = await eventually(async () => {
    const held: ProducerBid = await getJson(`${pair.producer.url}/api/bids/${id}`, piet);
    return held.state === "submitted" && held.buyerBidId ? held : undefined;
  }, 20_000);

  const accepted = await send(`${pair.buyer.url}/api/bids/${bid.buyerBidId}`, anna, "PUT", { action: "accept" });
  expect(accepted.status).toBe(200);
  const buyerList: { data: { id: string; bidId: string }[] } = await getJson(`${pair.buyer.url}/api/contracts`, anna);
  const row = buyerList.data.find((c) => c.bidId === bid.buyerBidId);
  const buyerContract: Contract = await getJson(`${pair.buyer.url}/api/contracts/${row?.id}`, anna);
  expect(buyerContract.terms).toMatchObject({
    volume: VOLUME,
    pricePerUnit: `${PRICE}.0000`,
    total: largest(TOTAL),
  });

  const producerContract = await eventually(async () => {
    const body = await getJson(`${pair.producer.url}/api/contracts`, piet);
    return (body.data as { snapshot?: Contract }[])
      .map((row) => row.snapshot ?? (row as unknown as Contract))
      .find((c) => c.id === buyerContract.id);
  }, 20_000);
  expect(producerContract.terms).toEqual(buyerContract.terms);
  expect(pair.buyer.output()).not.toMatch(/numeric field overflow/);
  expect(pair.producer.output()).not.toMatch(/numeric field overflow/);
});
