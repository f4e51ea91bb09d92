import { startTestReceiver, type TestReceiver } from "@lotbridge/webhooks/testing/test-receiver";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { eventually, type PortalPair, sessionCookie, startPortalPair } from "./harness/portal-pair";
import { confirmedBid, getJson, send } from "./harness/workflow";

// Two producer platforms on one buyer portal: the real producer portal (the first platform, configured by the seed's
// variables) and a second platform registered through the admin API, whose webhooks arrive at a receiver in this
// process. Each must see every lot and only its own bids, contracts and feed entries. No browser.

const DAY = 86_400_000;

type Envelope = { id: string; type: string; data: Record<string, unknown> & { id: string } };
type Bid = { id: string; externalBidId: string; bidder: { organizationId: string }; status: string };

let pair: PortalPair;
let receiver: TestReceiver;
let anna: string; // Northfield Mills' admin and the buyer portal's operator
let piet: string; // Greenacre Farms on the producer portal
let coop: { key: string; secret: string; endpointId: string };

test.beforeAll(async () => {
  test.setTimeout(180_000);
  pair = await startPortalPair();
  receiver = await startTestReceiver();
  anna = await sessionCookie(pair.buyer.url, "anna@northfield.example");
  piet = await sessionCookie(pair.producer.url, "piet@greenacre.example");
  const created = await send(`${pair.buyer.url}/api/admin/platforms`, anna, "POST", {
    id: "coop-dashboard",
    name: "Cooperative dashboard",
  });
  expect(created.status).toBe(201);
  const endpoint = await send(`${pair.buyer.url}/api/admin/platforms/coop-dashboard/endpoints`, anna, "POST", {
    url: `${receiver.url}/hooks`,
  });
  expect(endpoint.status).toBe(201);
  const { id: endpointId, secret } = await endpoint.json();
  const key = await send(`${pair.buyer.url}/api/admin/api-keys`, anna, "POST", {
    name: "Cooperative dashboard",
    platform: "coop-dashboard",
    scopes: ["lots:read", "bids:write", "contracts:write"],
  });
  expect(key.status).toBe(201);
  coop = { key: (await key.json()).key, secret, endpointId };
});

test.afterAll(async () => {
  await receiver?.close();
  await pair?.stop();
});

/** The events the second platform's receiver got, each signature verified with the secret shown once. */
function coopEvents(): Envelope[] {
  const webhook = new Webhook(coop.secret);
  return receiver.requests.map((request) => {
    const headers = Object.fromEntries(
      ["webhook-id", "webhook-timestamp", "webhook-signature"].map((name) => [name, String(request.headers[name])]),
    );
    return webhook.verify(request.body, headers) as Envelope;
  });
}

const received = (type: string, dataId: string) => () =>
  Promise.resolve(coopEvents().find((e) => e.type === type && e.data.id === dataId));

const asPlatform = (key: string, extra: Record<string, string> = {}) => ({ "x-api-key": key, ...extra });
const platformGet = async (path: string, key: string, extra: Record<string, string> = {}) => {
  const response = await fetch(`${pair.buyer.url}${path}`, { headers: asPlatform(key, extra) });
  expect(response.status, path).toBe(200);
  return response.json();
};

/** Every event of a platform's feed. */
async function feedOf(key: string): Promise<Envelope[]> {
  const events: Envelope[] = [];
  let after = "";
  for (;;) {
    const page = await platformGet(`/api/events?limit=100${after}`, key);
    events.push(...page.data);
    if (page.data.length < 100) return events;
    after = `&after=${page.nextCursor}`;
  }
}

/** Where the buyer portal sent an event: the endpoint ids of its outgoing copies. */
async function destinationsOf(eventId: string): Promise<string[]> {
  const page = await getJson(`${pair.buyer.url}/api/admin/messages?eventId=${eventId}`, anna);
  return page.data.map((m: { destination: string }) => m.destination).sort();
}

test("a published lot reaches both platforms: the producer portal's marketplace and the second platform's endpoint", async () => {
  const draft = await send(`${pair.buyer.url}/api/lots`, anna, "POST", {
    title: "Two-platform malting barley",
    commodity: "Barley",
    description: "",
    qualitySpecs: "Germination ≥ 95 %",
    volume: "300",
    unit: "t",
    minBidVolume: "20",
    partialBidsAllowed: true,
    targetPrice: "250.00",
    currency: "EUR",
    deliveryLocation: "Bremen",
    incoterm: "DAP",
    deliveryStart: "2027-09-01",
    deliveryEnd: "2027-09-30",
    biddingDeadline: new Date(Date.now() + 7 * DAY).toISOString(),
    paymentTerms: "30 days after delivery",
  });
  expect(draft.status).toBe(201);
  const { id: lotId } = await draft.json();
  expect((await send(`${pair.buyer.url}/api/lots/${lotId}/publish`, anna, "POST")).status).toBe(200);

  const published = await eventually(received("lot.published", lotId));
  await eventually(async () => {
    const page = await getJson(`${pair.producer.url}/api/marketplace/lots?limit=50`, piet);
    return page.data.some((lot: { id: string }) => lot.id === lotId);
  }, 20_000);
  expect(await destinationsOf(published.id)).toEqual([coop.endpointId, "producer-portal"].sort());

  // The Integrations page lists both platforms with their endpoints, and never a secret.
  const page = await (await fetch(`${pair.buyer.url}/integrations`, { headers: { cookie: anna } })).text();
  expect(page).toContain("Cooperative dashboard");
  expect(page).toContain(`${receiver.url}/hooks`);
  expect(page).not.toContain(coop.secret);
  expect(page).not.toContain(coop.key);
});

test("each platform sees only its own bids and contracts; the second platform cannot overwrite the producer portal's bid", async () => {
  test.setTimeout(180_000);
  // Greenacre's bid through the producer portal: 100 t at 240.00.
  const placed = await confirmedBid(pair, piet, "100");
  const [ours] = (await platformGet("/api/bids", pair.secrets.apiKey)).data as Bid[];
  expect(ours.id).toBe(placed.buyerBidId);

  // The second platform submits a bid with the producer portal's external id and Greenacre's organization id.
  const foreign = await fetch(`${pair.buyer.url}/api/bids`, {
    method: "POST",
    headers: {
      ...asPlatform(coop.key, { "idempotency-key": "coop-1", "x-producer-organization": ours.bidder.organizationId }),
      "content-type": "application/json",
    },
    body: JSON.stringify({
      lotId: placed.lotId,
      externalBidId: ours.externalBidId,
      bidder: {
        organizationId: ours.bidder.organizationId,
        organizationName: "Greenacre Farms",
        name: "Someone Else",
        email: "someone@coop.example",
      },
      volume: "100",
      pricePerUnit: "2.00",
      currency: "EUR",
      deliveryTerms: "",
      message: "",
      validUntil: new Date(Date.now() + 5 * DAY).toISOString(),
    }),
  });
  expect(foreign.status).toBe(201);
  const theirs: Bid = await foreign.json();
  expect(theirs.id).not.toBe(ours.id);

  // Its bid.received goes to the second platform only.
  const receivedEvent = await eventually(received("bid.received", theirs.id));
  expect(await destinationsOf(receivedEvent.id)).toEqual([coop.endpointId]);

  // Each platform's feed and bid list hold only its own bids.
  const bidIds = (events: Envelope[]) => [
    ...new Set(events.filter((e) => e.type.startsWith("bid.")).map((e) => e.data.id)),
  ];
  expect(bidIds(await feedOf(pair.secrets.apiKey))).toEqual([ours.id]);
  expect(bidIds(await feedOf(coop.key))).toEqual([theirs.id]);
  const listed = async (key: string) => ((await platformGet("/api/bids", key)).data as Bid[]).map((b) => b.id);
  expect(await listed(pair.secrets.apiKey)).toEqual([ours.id]);
  expect(await listed(coop.key)).toEqual([theirs.id]);
  // Not even naming the producer organization shows the other platform's bid.
  const named = await platformGet("/api/bids", coop.key, { "x-producer-organization": ours.bidder.organizationId });
  expect(named.data.map((b: Bid) => b.id)).toEqual([theirs.id]);

  // The buyer accepts the foreign bid: its contract goes to the second platform only.
  const accepted = await send(`${pair.buyer.url}/api/bids/${theirs.id}`, anna, "PUT", { action: "accept" });
  expect(accepted.status).toBe(200);
  const contractEvent = await eventually(
    async () => coopEvents().find((e) => e.type === "contract.created" && e.data.bidId === theirs.id),
    20_000,
  );
  expect(await destinationsOf(contractEvent.id)).toEqual([coop.endpointId]);
  const contractEvents = (events: Envelope[]) => events.filter((e) => e.type.startsWith("contract."));
  expect(contractEvents(await feedOf(pair.secrets.apiKey))).toEqual([]);
  expect(contractEvents(await feedOf(coop.key)).map((e) => e.data.id)).toContain(contractEvent.data.id);

  // After the producer portal's reconciliation has had time to read its feed, its own bid is as Greenacre placed it,
  // still open, and the foreign contract is nowhere in Greenacre's contracts.
  await new Promise((resolve) => setTimeout(resolve, 12_000));
  const own = await getJson(`${pair.producer.url}/api/bids/${placed.id}`, piet);
  expect(own).toMatchObject({ state: "submitted", buyerBidId: ours.id });
  expect(JSON.stringify(own)).toContain("240");
  const contracts = await getJson(`${pair.producer.url}/api/contracts`, piet);
  expect(JSON.stringify(contracts)).not.toContain(String(contractEvent.data.id));
  expect(JSON.stringify(contracts)).not.toContain(theirs.id);
  // And the producer portal was never sent the foreign bid's events.
  expect(pair.producer.output()).not.toContain(receivedEvent.id);
});
