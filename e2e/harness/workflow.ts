import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { freePort } from "@lotbridge/db/free-port";
import { startTestSmtpServer, type TestSmtpServer } from "@lotbridge/notifications/testing/test-smtp-server";
import { type Browser, expect, type Locator, type Page } from "@playwright/test";
import { eventually, type PortalPair, sessionCookie, startPortalPair } from "./portal-pair";
import { send } from "./send";
import { signIn } from "./sign-in";

export { send };

// Steps the workflow tests share: calls as a signed-in user, a confirmed bid, pages that wait for news, and the
// accessibility and screenshot checks of the key screens.

const DAY = 86_400_000;

export type ProducerBid = {
  id: string;
  state: string;
  buyerBidId: string | null;
  offers: { id: string; fromParty: string; status: string }[];
};

export const getJson = async (url: string, cookie: string) => (await send(url, cookie, "GET")).json();

export const sha256 = (bytes: Buffer | ArrayBuffer) =>
  createHash("sha256")
    .update(Buffer.from(bytes as ArrayBuffer))
    .digest("hex");

/** The titles of the user's latest notifications. */
export const titlesOf = async (baseUrl: string, cookie: string): Promise<string[]> =>
  ((await getJson(`${baseUrl}/api/notifications?limit=100`, cookie)).notifications as { title: string }[]).map(
    (n) => n.title,
  );

/** A published Northfield Mills lot, as the producer marketplace shows it. */
export async function northfieldLot(pair: PortalPair, producerCookie: string) {
  return eventually(async () => {
    const page = await getJson(`${pair.producer.url}/api/marketplace/lots?limit=50`, producerCookie);
    return (
      page.data as { id: string; title: string; minBidVolume: string; buyerOrganization: { name: string } }[]
    ).find((lot) => lot.buyerOrganization.name === "Northfield Mills");
  });
}

/** A bid of the producer user of `cookie`, placed through the producer portal and confirmed by the buyer portal. */
export async function confirmedBid(pair: PortalPair, cookie: string, volume = "100", lotId?: string) {
  const lot = lotId ?? (await northfieldLot(pair, cookie)).id;
  const placed = await send(`${pair.producer.url}/api/marketplace/lots/${lot}/bids`, cookie, "POST", {
    volume,
    pricePerUnit: "240.00",
    currency: "EUR",
    deliveryTerms: "DAP Hamburg",
    message: "",
    validUntil: new Date(Date.now() + 5 * DAY).toISOString(),
  });
  expect(placed.status).toBe(202);
  const { id } = await placed.json();
  return eventually(async () => {
    const bid: ProducerBid = await getJson(`${pair.producer.url}/api/bids/${id}`, cookie);
    return bid.state === "submitted" && bid.buyerBidId ? { ...bid, buyerBidId: bid.buyerBidId, lotId: lot } : undefined;
  });
}

/** A new browser context signed in as `email`, on `path`. */
export async function signedInPage(browser: Browser, baseUrl: string, email: string, path = "/"): Promise<Page> {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await signIn(page, baseUrl, email);
  if (path !== "/") await page.goto(`${baseUrl}${path}`);
  return page;
}

/** Reloads until `locator` shows: news from the other portal arrives without the page asking. */
export async function reloadUntilVisible(page: Page, locator: Locator, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await locator.isVisible()) return;
    if (Date.now() > deadline) break;
    await page.waitForTimeout(300);
    await page.reload();
  }
  await expect(locator).toBeVisible();
}

/** Downloads the contract PDF from the page's "Download PDF" link; its SHA-256. */
export async function downloadedPdfHash(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download PDF" }).click(),
  ]);
  const bytes = readFileSync((await download.path()) as string);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  return sha256(bytes);
}

/**
 * A key screen: saved as a screenshot for people to look at (e2e/screenshots, git-ignored), and checked with axe-core
 * for serious or critical accessibility violations (labels, names, contrast, keyboard traps).
 */
export async function keyScreen(page: Page, name: string): Promise<void> {
  mkdirSync("e2e/screenshots", { recursive: true });
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
  expect(serious, `accessibility of ${name}`).toEqual([]);
}

/** Both portals, a real SMTP peer both send through, and API sessions of Anna (buyer) and Piet (producer). */
export interface WorkflowStack {
  pair: PortalPair;
  smtp: TestSmtpServer;
  anna: string;
  piet: string;
  stop(): Promise<void>;
}

export async function startWorkflowStack(): Promise<WorkflowStack> {
  const port = await freePort();
  const smtp = await startTestSmtpServer({ port });
  const mail = { SMTP_URL: `smtp://127.0.0.1:${port}` };
  const pair = await startPortalPair({ buyerEnv: mail, producerEnv: mail });
  return {
    pair,
    smtp,
    anna: await sessionCookie(pair.buyer.url, "anna@northfield.example"),
    piet: await sessionCookie(pair.producer.url, "piet@greenacre.example"),
    stop: async () => {
      await pair.stop();
      await smtp.close();
    },
  };
}
