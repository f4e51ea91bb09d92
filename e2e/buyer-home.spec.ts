import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { eventually, type PortalPair, sessionCookie, startPortalPair } from "./harness/portal-pair";
import { getJson, keyScreen, send, signedInPage } from "./harness/workflow";

// The buyer's home ("what needs me now"), the lots list and the CSV downloads, in Chromium against both portals as
// separate processes: bids are placed by a producer through the producer portal and reach the buyer portal through
// the real integration.

const DAY = 86_400_000;
let pair: PortalPair;
let anna: string;
let piet: string;

type MarketLot = {
  id: string;
  number: string;
  title: string;
  commodity: string;
  currency: string;
  unit: string;
  minBidVolume: string;
  partialBidsAllowed: boolean;
  buyerOrganization: { name: string };
};

test.beforeAll(async () => {
  pair = await startPortalPair();
  anna = await sessionCookie(pair.buyer.url, "anna@northfield.example");
  piet = await sessionCookie(pair.producer.url, "piet@greenacre.example");
});

test.afterAll(() => pair.stop());

/** Northfield Mills lots open in the producer marketplace that take a bid of their minimum volume. */
async function biddableLots(): Promise<MarketLot[]> {
  return eventually(async () => {
    const page = await getJson(`${pair.producer.url}/api/marketplace/lots?limit=100`, piet);
    const lots = (page.data as MarketLot[]).filter(
      (lot) => lot.buyerOrganization.name === "Northfield Mills" && lot.partialBidsAllowed,
    );
    return lots.length >= 2 ? lots : undefined;
  }, 30_000);
}

/** Piet bids on `lot` through the producer portal; resolves once the buyer portal has confirmed it. */
async function pietBids(lot: MarketLot): Promise<{ buyerBidId: string }> {
  const placed = await send(`${pair.producer.url}/api/marketplace/lots/${lot.id}/bids`, piet, "POST", {
    volume: lot.minBidVolume,
    pricePerUnit: "240.00",
    currency: lot.currency,
    deliveryTerms: "DAP Hamburg",
    message: "=1+1 looks like a formula",
    validUntil: new Date(Date.now() + 5 * DAY).toISOString(),
  });
  expect(placed.status).toBe(202);
  const { id } = await placed.json();
  return eventually(async () => {
    const bid = await getJson(`${pair.producer.url}/api/bids/${id}`, piet);
    return bid.state === "submitted" && bid.buyerBidId ? { buyerBidId: bid.buyerBidId as string } : undefined;
  }, 20_000);
}

const awaitingHeading = (count: number) =>
  count === 1 ? "1 bid awaits your decision" : `${count} bids await your decision`;

/** The number in the home page's "N bids await your decision", 0 when the section is not shown. */
async function awaitingCount(page: Page): Promise<number> {
  const section = page.getByTestId("bids-awaiting");
  if (!(await section.isVisible())) return 0;
  const heading = (await section.getByRole("heading").textContent()) ?? "";
  return Number(heading.match(/^(\d+)/)?.[1]);
}

/** Opens the home page and waits until its live stream is connected (the bell's and the page's own). */
async function openHome(page: Page): Promise<void> {
  let streams = 0;
  page.on("response", (response) => {
    if (response.url().endsWith("/api/notifications/stream")) streams++;
  });
  await page.goto(`${pair.buyer.url}/`);
  await expect(page.getByRole("heading", { name: "What needs you now" })).toBeVisible();
  await expect.poll(() => streams).toBeGreaterThanOrEqual(2);
}

test("the buyer's home counts bids awaiting a decision, live as producers bid, and each opens the bid", async ({
  browser,
}) => {
  const [first, second] = await biddableLots();
  const page = await signedInPage(browser, pair.buyer.url, "anna@northfield.example");
  await openHome(page);
  const before = await awaitingCount(page);
  // Set on the page now: still there later proves the counts changed without a reload.
  await page.evaluate(() => {
    (window as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true;
  });

  const bid = await pietBids(first);
  await expect(page.getByRole("heading", { name: awaitingHeading(before + 1) })).toBeVisible({ timeout: 20_000 });
  await pietBids(second);
  await expect(page.getByRole("heading", { name: awaitingHeading(before + 2) })).toBeVisible({ timeout: 20_000 });
  expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);

  await keyScreen(page, "buyer-home");

  const item = page.getByTestId("bids-awaiting").locator(`a[href="/bids/${bid.buyerBidId}"]`);
  await expect(item).toContainText("Greenacre Farms");
  await expect(item).toContainText(`${first.currency} 240.00 / ${first.unit}`);
  await item.click();
  await expect(page).toHaveURL(`${pair.buyer.url}/bids/${bid.buyerBidId}`);
  await expect(page.getByRole("heading", { name: /Bid from Greenacre Farms/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /accept/i }).first()).toBeVisible();
});

test("the lots list searches and filters through the URL and shows bids, best live price and open volume", async ({
  browser,
}) => {
  const [lot] = await biddableLots();
  const page = await signedInPage(browser, pair.buyer.url, "anna@northfield.example");
  await page.locator(".app-header").getByRole("link", { name: "Lots", exact: true }).click();
  await expect(page).toHaveURL(`${pair.buyer.url}/lots`);
  await expect(page.getByRole("heading", { name: "Your lots" })).toBeVisible();
  const rows = page.locator("tbody tr");
  const all = await rows.count();
  expect(all).toBeGreaterThan(3);

  // The lot bid on in the first test: one bid, its price the best live one, nothing allocated yet.
  const row = rows.filter({ hasText: lot.number });
  await expect(row).toContainText(`${lot.currency} 240.00 / ${lot.unit}`);
  await expect(row.locator("td").nth(4)).toContainText("1");
  await expect(row.locator("td").nth(4)).toContainText("1 live");
  await keyScreen(page, "buyer-lots");
  const table = (await page.locator("table").textContent()) ?? "";
  expect(table).not.toMatch(/\d\.\d{3,}/);
  expect(table).not.toMatch(/GMT/);

  // Searching by the lot's number finds that lot alone, and the search stays in the URL.
  await page.getByLabel("Search").fill(lot.number);
  await page.getByRole("button", { name: "Find lots" }).click();
  await expect(page).toHaveURL(`${pair.buyer.url}/lots?q=${lot.number}&status=&commodity=`);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(lot.title);

  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(rows).toHaveCount(all);
  await page.getByLabel("Status").selectOption("published");
  await page.getByLabel("Commodity").selectOption(lot.commodity);
  await page.getByRole("button", { name: "Find lots" }).click();
  await expect(page).toHaveURL(/status=published&commodity=/);
  await expect(page.getByLabel("Status")).toHaveValue("published");
  await expect(page.getByLabel("Commodity")).toHaveValue(lot.commodity);
  await expect(rows.filter({ hasText: lot.number })).toBeVisible();
  const filtered = await rows.allInnerTexts();
  expect(filtered.length).toBeLessThan(all);
  for (const text of filtered) {
    expect(text).toContain("Published");
    expect(text).toContain(lot.commodity);
  }
});

test("a lot's bids and the contracts download as CSV with exact decimals; another organization gets 404", async ({
  browser,
}) => {
  const [lot] = await biddableLots();
  const lotId = lot.id; // the marketplace replica keeps the buyer portal's ids
  const page = await signedInPage(browser, pair.buyer.url, "anna@northfield.example", `/lots/${lotId}`);
  await expect(page.getByTestId("chart-best")).toContainText(`best live ${lot.currency} 240.00 / ${lot.unit}`);
  await keyScreen(page, "buyer-lot-with-chart");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download bids (CSV)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${lot.number}-bids.csv`);
  const csv = readFileSync((await download.path()) as string, "utf8");
  const [header, ...lines] = csv.split("\r\n").filter(Boolean);
  expect(header.split(",").slice(0, 4)).toEqual(["bid_id", "lot_number", "status", "producer_organization"]);
  const line = lines.find((l) => l.includes("Greenacre Farms")) as string;
  expect(line).toContain(`,${lot.number},submitted,Greenacre Farms,`);
  expect(line).toContain(",240.0000,");
  expect(line).toContain(",'=1+1 looks like a formula,");

  const carla = await sessionCookie(pair.buyer.url, "carla@riverside.example");
  const refused = await send(`${pair.buyer.url}/lots/${lotId}/bids.csv`, carla, "GET");
  expect(refused.status).toBe(404);
  expect(await refused.text()).not.toContain("Greenacre");

  const bidId = line.split(",")[0];
  const accepted = await send(`${pair.buyer.url}/api/bids/${bidId}`, anna, "PUT", { action: "accept" });
  expect(accepted.status).toBe(200);
  await page.goto(`${pair.buyer.url}/contracts`);
  const [contracts] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download contracts (CSV)" }).click(),
  ]);
  expect(contracts.suggestedFilename()).toMatch(/^contracts-\d{4}-\d{2}-\d{2}\.csv$/);
  const contractLines = readFileSync((await contracts.path()) as string, "utf8").split("\r\n");
  expect(contractLines[0]).toMatch(/^contract_number,status,lot_number,/);
  expect(contractLines.find((l) => l.includes(lot.number))).toMatch(
    new RegExp(`^CT-\\d{4}-\\d{6},pending_signature,${lot.number},.*,240\\.0000,${lot.currency},`),
  );
  const carlasContracts = await send(`${pair.buyer.url}/contracts.csv`, carla, "GET");
  expect((await carlasContracts.text()).includes(lot.number)).toBe(false);
});
