import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { eventually, type PortalPair, sessionCookie, startPortalPair } from "./harness/portal-pair";
import { signIn } from "./harness/sign-in";
import { confirmedBid, getJson, send } from "./harness/workflow";

// Issue 16, layout and forms: every main page of both portals at a phone's width (375 × 812) and a laptop's
// (1280 × 900) passes axe-core and does not scroll sideways; the header stays on one line at 1280 and folds into a
// Menu button on the phone; a bid sent while the network is cut says so with "Try again", and trying again places it
// once.

const DAY = 86_400_000;
const SIZES = [
  { name: "phone", width: 375, height: 812 },
  { name: "laptop", width: 1280, height: 900 },
] as const;

interface Scene {
  lotId: string;
  contractId: string;
  counteredBuyerBidId: string;
  counteredProducerBidId: string;
}

/** The main pages of both portals, one list: a new page goes here, with the portal that serves it. */
const PAGES: { portal: "buyer" | "producer"; path: (scene: Scene) => string }[] = [
  { portal: "buyer", path: () => "/" },
  { portal: "buyer", path: () => "/lots" },
  { portal: "buyer", path: () => "/lots/new" },
  { portal: "buyer", path: (s) => `/lots/${s.lotId}` },
  { portal: "buyer", path: (s) => `/bids/${s.counteredBuyerBidId}` },
  { portal: "buyer", path: () => "/contracts" },
  { portal: "buyer", path: (s) => `/contracts/${s.contractId}` },
  { portal: "buyer", path: () => "/notifications" },
  { portal: "buyer", path: () => "/notifications/settings" },
  { portal: "buyer", path: () => "/team" },
  { portal: "buyer", path: () => "/account" },
  { portal: "buyer", path: () => "/integrations" },
  { portal: "buyer", path: () => "/dev/mailbox" },
  { portal: "producer", path: () => "/" },
  { portal: "producer", path: (s) => `/lots/${s.lotId}` },
  { portal: "producer", path: () => "/bids" },
  { portal: "producer", path: (s) => `/bids/${s.counteredProducerBidId}` },
  { portal: "producer", path: () => "/contracts" },
  { portal: "producer", path: (s) => `/contracts/${s.contractId}` },
  { portal: "producer", path: () => "/saved-searches" },
  { portal: "producer", path: () => "/notifications" },
  { portal: "producer", path: () => "/notifications/settings" },
  { portal: "producer", path: () => "/team" },
  { portal: "producer", path: () => "/account" },
  { portal: "producer", path: () => "/integration" },
  { portal: "producer", path: () => "/dev/mailbox" },
];

let pair: PortalPair;
let anna: string;
let piet: string;

test.beforeAll(async () => {
  pair = await startPortalPair();
  anna = await sessionCookie(pair.buyer.url, "anna@northfield.example");
  piet = await sessionCookie(pair.producer.url, "piet@greenacre.example");
});

test.afterAll(async () => {
  await pair.stop();
});

/** A new lot of Anna's, published and in the producer marketplace: Greenacre holds no bid on it yet. */
async function publishedLot(title: string): Promise<{ id: string; minBidVolume: string }> {
  const created = await send(`${pair.buyer.url}/api/lots`, anna, "POST", {
    title,
    commodity: "Barley",
    description: "",
    qualitySpecs: "Moisture ≤ 14 %",
    volume: "800",
    unit: "t",
    minBidVolume: "25",
    partialBidsAllowed: true,
    targetPrice: null,
    currency: "EUR",
    deliveryLocation: "Northfield Mill, Hamburg",
    incoterm: "DAP",
    deliveryStart: "2027-09-01",
    deliveryEnd: "2027-09-30",
    biddingDeadline: new Date(Date.now() + 6 * DAY).toISOString(),
    paymentTerms: "30 days after delivery",
  });
  expect(created.status).toBe(201);
  const id: string = (await created.json()).id;
  expect((await send(`${pair.buyer.url}/api/lots/${id}/publish`, anna, "POST")).status).toBe(200);
  await eventually(async () => (await send(`${pair.producer.url}/api/marketplace/lots/${id}`, piet, "GET")).ok);
  return { id, minBidVolume: "25" };
}

/** A lot with a bid under the buyer's counter-offer, and a contract from a bid on another lot the buyer accepted. */
async function scene(): Promise<Scene> {
  const lot = await publishedLot("Malting barley, two-row");
  const countered = await confirmedBid(pair, piet, lot.minBidVolume, lot.id);
  const counter = await send(`${pair.buyer.url}/api/bids/${countered.buyerBidId}/counter`, anna, "POST", {
    volume: lot.minBidVolume,
    pricePerUnit: "236.50",
    deliveryTerms: "DAP Hamburg",
    message: "",
    expiresAt: new Date(Date.now() + 2 * DAY).toISOString(),
  });
  expect(counter.status).toBe(201);
  const other = await publishedLot("Feed barley, winter crop");
  const accepted = await confirmedBid(pair, piet, other.minBidVolume, other.id);
  const accept = await send(`${pair.buyer.url}/api/bids/${accepted.buyerBidId}`, anna, "PUT", { action: "accept" });
  expect(accept.status).toBe(200);
  const contractId = await eventually(async () => {
    const list = await getJson(`${pair.buyer.url}/api/contracts`, anna);
    return (list.data as { id: string; bidId: string }[]).find((c) => c.bidId === accepted.buyerBidId)?.id;
  });
  await eventually(async () => (await send(`${pair.producer.url}/api/contracts/${contractId}`, piet, "GET")).ok);
  await eventually(
    async () => (await getJson(`${pair.producer.url}/api/bids/${countered.id}`, piet)).state === "countered",
  );
  return {
    lotId: lot.id,
    contractId,
    counteredBuyerBidId: countered.buyerBidId,
    counteredProducerBidId: countered.id,
  };
}

async function signedIn(browser: Browser, portal: "buyer" | "producer"): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(page, pair[portal].url, portal === "buyer" ? "anna@northfield.example" : "piet@greenacre.example");
  return page;
}

/** Serious or critical axe-core findings (WCAG 2.1 A and AA), as "rule: elements". */
async function axeFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

/** The header's visible pieces that are not on the first one's line (brand, links, bell, user menu, sign out). */
async function headerPiecesOffTheLine(page: Page): Promise<string[]> {
  return page.locator("header.app-header").evaluate((header) => {
    const pieces = [
      ...header.querySelectorAll(".brand, .main-nav a, .header-tools > *, .user-toggle, .sign-out button"),
    ].filter((element) => (element as HTMLElement).offsetParent !== null);
    const middle = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.top + box.height / 2;
    };
    const line = middle(pieces[0]);
    return pieces
      .filter((element) => Math.abs(middle(element) - line) > 4)
      .map((element) => element.textContent?.trim() ?? element.className);
  });
}

/** How far the page is wider than the screen, and the outermost elements that stick out; null when it fits. */
async function widerThanTheScreen(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const overflow = document.documentElement.scrollWidth - width;
    if (overflow <= 0) return null;
    const out = (element: Element | null) => (element ? element.getBoundingClientRect().right > width + 1 : false);
    const culprits = [...document.querySelectorAll("body *")]
      .filter((element) => out(element) && !out(element.parentElement))
      .slice(0, 3)
      .map((element) => `${element.tagName.toLowerCase()}.${String(element.className).split(" ").join(".")}`);
    return `the page is ${overflow} px wider than the screen (${culprits.join(", ")})`;
  });
}

test("every main page passes axe-core and fits the screen at 375 and 1280 px; the header is one line at 1280", async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const s = await scene();
  const pages = { buyer: await signedIn(browser, "buyer"), producer: await signedIn(browser, "producer") };
  const problems: string[] = [];
  for (const size of SIZES) {
    for (const entry of PAGES) {
      const page = pages[entry.portal];
      await page.setViewportSize({ width: size.width, height: size.height });
      const path = entry.path(s);
      const where = `${entry.portal} ${path} at ${size.width} px`;
      const response = await page.goto(`${pair[entry.portal].url}${path}`);
      expect(response?.status(), where).toBe(200);
      await expect(page.getByRole("banner")).toBeVisible();
      for (const finding of await axeFindings(page)) problems.push(`${where}: ${finding}`);
      const overflow = await widerThanTheScreen(page);
      if (overflow) problems.push(`${where}: ${overflow}`);
      if (size.width === 1280) {
        const off = await headerPiecesOffTheLine(page);
        if (off.length > 0) problems.push(`${where}: header wraps (${off.join(", ")} on another line)`);
        const header = await page.getByRole("banner").boundingBox();
        if ((header?.height ?? 0) > 64) problems.push(`${where}: header is ${header?.height} px high`);
      }
    }
  }
  expect(problems).toEqual([]);
});

test("at 375 px the navigation folds into a Menu button that opens, closes with Escape, and leads on", async ({
  browser,
}) => {
  const page = await signedIn(browser, "buyer");
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(`${pair.buyer.url}/`);
  const menu = page.getByRole("button", { name: "Menu" });
  const contracts = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contracts" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(contracts).toBeHidden();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();

  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(contracts).toBeVisible();
  await expect(page.getByRole("link", { name: "Your account" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(contracts).toBeHidden();

  await menu.click();
  await contracts.click();
  await expect(page).toHaveURL(/\/contracts$/);

  // At 1280 the same links sit in the bar, and the user's name opens the user menu.
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
  await expect(contracts).toBeVisible();
  await expect(contracts).toHaveAttribute("aria-current", "page");
  const user = page.getByRole("button", { name: "Anna" });
  await user.click();
  await expect(user).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("link", { name: "Your account" })).toBeVisible();
  await expect(page.getByRole("banner").getByText("Northfield Mills", { exact: true })).toBeVisible();
});

test("a bid sent while the network is cut shows a message with Try again; trying again places it once", async ({
  browser,
}) => {
  // A new lot of Anna's, so that Greenacre holds no bid on it yet.
  const lot = await publishedLot("Feed barley, spring crop");
  const mine = async () =>
    (await getJson(`${pair.producer.url}/api/bids`, piet)).data as { id: string; lotId: string }[];

  const page = await signedIn(browser, "producer");
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(`${pair.producer.url}/lots/${lot.id}`);
  await page.getByLabel(/^Volume/).fill(lot.minBidVolume);
  await page.getByLabel(/^Price per/).fill("233.75");
  await page.getByLabel("Delivery terms").fill("FCA farm gate");
  await page.getByLabel("Bid valid until").fill(new Date(Date.now() + 5 * DAY).toISOString().slice(0, 16));

  await page.route("**/api/marketplace/lots/*/bids", (route) => route.abort("internetdisconnected"));
  const place = page.getByRole("button", { name: "Place bid" });
  await place.click();
  const alert = page.getByRole("alert").filter({ hasText: "could not be reached" });
  await expect(alert).toBeVisible();
  // The form left its sending state: the button is back, enabled, with its own words.
  await expect(place).toBeEnabled();
  await expect(page.getByRole("button", { name: "Sending…" })).toHaveCount(0);
  expect((await mine()).filter((bid) => bid.lotId === lot.id)).toEqual([]);

  await page.unroute("**/api/marketplace/lots/*/bids");
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("status").filter({ hasText: "on its way" })).toBeVisible();

  const placed = (await mine()).filter((bid) => bid.lotId === lot.id);
  expect(placed).toHaveLength(1);
  const bid = await eventually(async () => {
    const b = await getJson(`${pair.producer.url}/api/bids/${placed[0].id}`, piet);
    return b.state === "submitted" && b.buyerBidId ? b : undefined;
  });
  expect(bid.pricePerUnit).toMatch(/^233\.75/);
  // The buyer portal holds it once.
  const atBuyer = await getJson(`${pair.buyer.url}/api/lots/${lot.id}/bids`, anna);
  expect((atBuyer.data as { id: string }[]).map((b) => b.id)).toEqual([bid.buyerBidId]);
});
