import { type Browser, expect, type Page, test } from "@playwright/test";
import { eventually, type PortalPair, sessionCookie, startPortalPair } from "./harness/portal-pair";
import { signIn } from "./harness/sign-in";
import { confirmedBid, getJson, send, titlesOf } from "./harness/workflow";

// Issue 16: every main page of both portals writes numbers, money and dates as people do (@lotbridge/format): no raw
// decimal strings ("750.500 t", "241.2500 EUR") and no GMT strings (toUTCString), with dates in the viewer's own
// time zone and the zone named. Two lots, two bids, a pending counter-offer and a contract put every kind of value on
// the pages; the scan reads each page's visible text and the tooltips and labels a person can reach.

const DAY = 86_400_000;
// The machine is shared: news between the portals may take longer than the harness default.
const SLOW = 30_000;

/**
 * What no page may show. A stored decimal has a fixed scale (volumes 3 decimals, prices 4), so written raw it ends in
 * zeros that carry nothing ("7500.500 t", "241.2500 EUR") or has ungrouped thousands. An exact value with every
 * decimal significant ("EUR 236.125 / t") is how people write it and passes. Add a pattern here and every page below
 * is scanned for it.
 */
const RAW = [
  { name: "a raw decimal next to a unit", pattern: /\d\.\d{2,}0\s*(t|kg|USD|EUR|%)(?!\p{L})/u },
  { name: "a currency before a raw decimal", pattern: /(USD|EUR)\s*\d+\.\d{2,}0(?!\d)/ },
  { name: "ungrouped thousands", pattern: /(?<![\d,.])(\d{4,}(\.\d+)?\s*(t|kg|USD|EUR)\b|(USD|EUR)\s*\d{4,})/ },
  { name: "a GMT date", pattern: /GMT/ },
];

/** What the pages showed before @lotbridge/format, and what they show now. */
const BEFORE = ["7500.500 t", "241.2500 EUR per t", "26032.78 EUR", "Tue, 01 Dec 2026 12:00:00 GMT", "EUR 7500.5"];
const NOW = ["7,500.5 t", "EUR 241.25 / t", "EUR 236.125 / t", "EUR 26,032.78", "0.001 t", "1 Dec 2026, 12:00 UTC"];

test("the scan's patterns catch what the pages showed before and pass what they show now", () => {
  const caught = (text: string) => RAW.some(({ pattern }) => pattern.test(text));
  expect(BEFORE.filter((text) => !caught(text))).toEqual([]);
  expect(NOW.filter(caught)).toEqual([]);
});

interface Scene {
  lotId: string;
  contractId: string;
  counteredBuyerBidId: string;
  counteredProducerBidId: string;
  contractProducerBidId: string;
}

/**
 * The main pages of both portals, one list: a new page is added here, with the user who sees it. `path` gets the
 * ids of the scene this test sets up.
 */
const PAGES: {
  portal: "buyer" | "producer";
  name: string;
  path: (scene: Scene) => string;
  /** What shows once the page has loaded what it fetches in the browser. */
  ready?: string;
}[] = [
  { portal: "buyer", name: "home", path: () => "/" },
  { portal: "buyer", name: "lots", path: () => "/lots" },
  { portal: "buyer", name: "lot detail", path: (s) => `/lots/${s.lotId}` },
  { portal: "buyer", name: "bid detail", path: (s) => `/bids/${s.counteredBuyerBidId}` },
  { portal: "buyer", name: "contracts", path: () => "/contracts" },
  { portal: "buyer", name: "contract detail", path: (s) => `/contracts/${s.contractId}` },
  { portal: "buyer", name: "notifications", path: () => "/notifications", ready: "main time" },
  { portal: "buyer", name: "dev mailbox", path: () => "/dev/mailbox" },
  { portal: "buyer", name: "account", path: () => "/account" },
  { portal: "buyer", name: "team", path: () => "/team" },
  { portal: "buyer", name: "integrations", path: () => "/integrations" },
  { portal: "producer", name: "home (marketplace)", path: () => "/" },
  { portal: "producer", name: "lot detail", path: (s) => `/lots/${s.lotId}` },
  { portal: "producer", name: "saved searches", path: () => "/saved-searches" },
  { portal: "producer", name: "bids", path: () => "/bids" },
  { portal: "producer", name: "bid detail (countered)", path: (s) => `/bids/${s.counteredProducerBidId}` },
  { portal: "producer", name: "bid detail (accepted)", path: (s) => `/bids/${s.contractProducerBidId}` },
  { portal: "producer", name: "contracts", path: () => "/contracts" },
  { portal: "producer", name: "contract detail", path: (s) => `/contracts/${s.contractId}` },
  { portal: "producer", name: "notifications", path: () => "/notifications", ready: "main time" },
  { portal: "producer", name: "dev mailbox", path: () => "/dev/mailbox" },
  { portal: "producer", name: "account", path: () => "/account" },
  { portal: "producer", name: "team", path: () => "/team" },
  { portal: "producer", name: "integration", path: () => "/integration" },
];

let pair: PortalPair;

/** A lot of Anna's with values whose stored form ("750.500", "241.2500") is not how people write them. */
async function publishedLot(anna: string): Promise<string> {
  const created = await send(`${pair.buyer.url}/api/lots`, anna, "POST", {
    title: "Milling wheat, 13 % protein",
    commodity: "Wheat",
    description: "For the Northfield mill; rail or truck.",
    qualitySpecs: "Protein ≥ 13 %, moisture ≤ 14 %",
    volume: "7500.5",
    unit: "t",
    minBidVolume: "50",
    partialBidsAllowed: true,
    targetPrice: "241.25",
    currency: "EUR",
    deliveryLocation: "Northfield Mill, Silo 2, Hamburg",
    incoterm: "DAP",
    deliveryStart: "2027-10-01",
    deliveryEnd: "2027-10-31",
    biddingDeadline: new Date(Date.now() + 6 * DAY + 3 * 3_600_000).toISOString(),
    paymentTerms: "30 days after delivery",
  });
  expect(created.status).toBe(201);
  const { id } = await created.json();
  expect((await send(`${pair.buyer.url}/api/lots/${id}/publish`, anna, "POST")).status).toBe(200);
  return id;
}

/** A lot with a bid under a pending counter-offer of the buyer, and a contract from a bid both sides countered. */
async function scene(anna: string, piet: string): Promise<Scene> {
  // One live bid per organization and lot: the negotiation that ends in a contract is on a second lot.
  const [lotId, contractLotId] = [await publishedLot(anna), await publishedLot(anna)];
  for (const id of [lotId, contractLotId]) {
    await eventually(async () => (await send(`${pair.producer.url}/api/marketplace/lots/${id}`, piet, "GET")).ok, SLOW);
  }
  const expiresAt = new Date(Date.now() + 2 * DAY).toISOString();
  const counter = { deliveryTerms: "DAP Hamburg, October", message: "", expiresAt };

  const countered = await confirmedBid(pair, piet, "120.5", lotId);
  const buyerCounter = await send(`${pair.buyer.url}/api/bids/${countered.buyerBidId}/counter`, anna, "POST", {
    ...counter,
    volume: "110.25",
    pricePerUnit: "236.125",
  });
  expect(buyerCounter.status).toBe(201);

  const accepted = await confirmedBid(pair, piet, "1000", contractLotId);
  expect(
    (
      await send(`${pair.buyer.url}/api/bids/${accepted.buyerBidId}/counter`, anna, "POST", {
        ...counter,
        volume: "950",
        pricePerUnit: "236",
      })
    ).status,
  ).toBe(201);
  await eventually(
    async () => (await getJson(`${pair.producer.url}/api/bids/${accepted.id}`, piet)).state === "countered",
    SLOW,
  );
  expect(
    (
      await send(`${pair.producer.url}/api/bids/${accepted.id}/counter-offers`, piet, "POST", {
        ...counter,
        volume: "975.5",
        pricePerUnit: "238.5",
      })
    ).status,
  ).toBe(202);
  // The producer's counter back reaches the buyer portal through the producer's outbox.
  await eventually(
    async () => (await titlesOf(pair.buyer.url, anna)).some((title) => title.includes("countered your offer")),
    SLOW,
  );
  expect(
    (await send(`${pair.buyer.url}/api/bids/${accepted.buyerBidId}`, anna, "PUT", { action: "accept" })).status,
  ).toBe(200);
  const contracts = await getJson(`${pair.buyer.url}/api/contracts`, anna);
  const contractId: string = contracts.data[0].id;
  await eventually(async () => (await getJson(`${pair.producer.url}/api/contracts`, piet)).data.length > 0, SLOW);
  await eventually(
    async () => (await getJson(`${pair.producer.url}/api/bids/${countered.id}`, piet)).state === "countered",
    SLOW,
  );
  return {
    lotId,
    contractId,
    counteredBuyerBidId: countered.buyerBidId,
    counteredProducerBidId: countered.id,
    contractProducerBidId: accepted.id,
  };
}

/** A browser in `timezoneId`, signed in, once the page has told the server its zone (the `tz` cookie). */
async function viewer(browser: Browser, baseUrl: string, email: string, timezoneId: string): Promise<Page> {
  const context = await browser.newContext({ timezoneId });
  const page = await context.newPage();
  await signIn(page, baseUrl, email);
  await expect
    .poll(async () => (await context.cookies(baseUrl)).find((cookie) => cookie.name === "tz")?.value)
    .toBe(encodeURIComponent(timezoneId));
  return page;
}

/** The text a person can see or reach on the page: the visible text, tooltips, accessible labels, the title. */
async function readableText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attributes = [...document.querySelectorAll("[title],[aria-label],[placeholder]")].flatMap((element) =>
      ["title", "aria-label", "placeholder"].map((name) => element.getAttribute(name) ?? ""),
    );
    // innerText, not textContent: what is rendered, without the scripts' payloads.
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text is what is scanned.
    return [document.title, document.body.innerText, ...attributes].join("\n");
  });
}

test.describe("every main page", () => {
  test.beforeEach(async () => {
    pair = await startPortalPair();
  });

  test.afterEach(async () => {
    await pair?.stop();
  });

  test("shows no raw decimal and no GMT date; dates are in the viewer's zone, named", async ({ browser }) => {
    const anna = await sessionCookie(pair.buyer.url, "anna@northfield.example");
    const piet = await sessionCookie(pair.producer.url, "piet@greenacre.example");
    const ids = await scene(anna, piet);

    // Tokyo has no English abbreviation: its label is the offset, which Intl would write "GMT+9".
    const pages = {
      buyer: await viewer(browser, pair.buyer.url, "anna@northfield.example", "Asia/Tokyo"),
      producer: await viewer(browser, pair.producer.url, "piet@greenacre.example", "Asia/Tokyo"),
    };
    const findings: string[] = [];
    // Server and browser write the same text (fixed locale, own month names, the zone from the cookie): a date that
    // differed would be a hydration mismatch, React's error #418 in a production build.
    let current = "";
    for (const page of Object.values(pages)) {
      page.on("console", (message) => {
        if (message.type() === "error" && /hydrat|#418|#425/i.test(message.text())) {
          findings.push(`${current} did not hydrate as rendered: ${message.text().slice(0, 160)}`);
        }
      });
    }
    for (const { portal, name, path, ready } of PAGES) {
      current = `${portal} ${name}`;
      const page = pages[portal];
      const response = await page.goto(`${pair[portal].url}${path(ids)}`);
      expect(response?.status(), `${portal} ${name}`).toBe(200);
      if (ready) await expect(page.locator(ready).first()).toBeVisible();
      const text = await readableText(page);
      for (const { name: what, pattern } of RAW) {
        const found = text.match(pattern);
        if (found) {
          const at = found.index ?? 0;
          findings.push(
            `${portal} ${name} shows ${what}: …${text.slice(Math.max(0, at - 40), at + 40).replace(/\s+/g, " ")}…`,
          );
        }
      }
    }
    expect(findings).toEqual([]);

    // The lot's deadline, in each viewer's zone, with the zone named.
    await pages.producer.goto(`${pair.producer.url}/lots/${ids.lotId}`);
    await expect(pages.producer.getByText(/\d{2}:\d{2} UTC\+9\b/).first()).toBeVisible();
    const chicago = await viewer(browser, pair.producer.url, "piet@greenacre.example", "America/Chicago");
    await chicago.goto(`${pair.producer.url}/lots/${ids.lotId}`);
    await expect(chicago.getByText(/\d{2}:\d{2} C[SD]T\b/).first()).toBeVisible();
    await expect(chicago.getByText("7,500.5 t").first()).toBeVisible();
    await expect(chicago.getByText("EUR 241.25 / t").first()).toBeVisible();
  });
});
