import type { TestSmtpServer } from "@lotbridge/notifications/testing/test-smtp-server";
import { expect, type Page, test } from "@playwright/test";
import { eventually, type PortalPair } from "./harness/portal-pair";
import {
  confirmedBid,
  downloadedPdfHash,
  getJson,
  keyScreen,
  northfieldLot,
  reloadUntilVisible,
  send,
  signedInPage,
  startWorkflowStack,
  titlesOf,
  type WorkflowStack,
} from "./harness/workflow";

// The whole workflow as people use it: a buyer (Anna, Northfield Mills) and a producer (Piet, Greenacre Farms), each
// in their own browser context, on two portal processes with their own databases and a real SMTP peer. Each key
// screen is saved under e2e/screenshots/ and checked with axe-core.

const DAY = 86_400_000;
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

const unreadCount = async (baseUrl: string, cookie: string): Promise<number> =>
  (await getJson(`${baseUrl}/api/notifications?limit=1`, cookie)).unreadCount;
const unreadOf = async (page: Page) =>
  Number(
    (await page.getByRole("button", { name: /^Notifications, \d+ unread/ }).getAttribute("aria-label"))?.match(
      /(\d+) unread/,
    )?.[1],
  );

type OutboxEntry = { kind: string; status: string; attempts: number; lastError: string | null };

/** The buyer portal's outbox messages still waiting to be sent, as its Integrations page lists them. */
const waitingInBuyerOutbox = async (): Promise<OutboxEntry[]> =>
  (await getJson(`${pair.buyer.url}/api/admin/integration?status=pending`, anna)).messages;

/** The sequence number of the buyer portal's newest event, read through its feed. */
async function buyerFeedEnd(): Promise<number> {
  let cursor = "0";
  for (;;) {
    const page = await (
      await fetch(`${pair.buyer.url}/api/events?limit=100&after=${cursor}`, {
        headers: { "x-api-key": pair.secrets.apiKey },
      })
    ).json();
    if (!page.nextCursor) return Number(cursor);
    cursor = page.nextCursor;
  }
}

/**
 * The buyer accepts the bid on its page with the keyboard alone — the focused button shows its focus ring, Escape
 * closes the confirmation dialog, Enter confirms — and lands on the new contract.
 */
async function acceptOnBidPage(page: Page, buyerBidId: string) {
  await page.goto(`${pair.buyer.url}/bids/${buyerBidId}`);
  const accept = page.getByRole("button", { name: "Accept bid" });
  const dialog = page.getByRole("dialog");
  await page.keyboard.press("Tab"); // keyboard use from here on, as for a person without a mouse
  await accept.focus();
  await expect(accept).toBeFocused();
  await expect(accept).not.toHaveCSS("outline-style", "none");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await accept.focus();
  await page.keyboard.press("Enter");
  await expect(dialog).toContainText("Accept");
  await dialog.getByRole("button", { name: "Confirm acceptance" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/contracts\/ct_/);
  await expect(page.getByRole("heading", { name: /Contract CT-\d{4}-\d{6}/ })).toBeVisible();
  return (await page.getByRole("heading", { name: /Contract CT-/ }).textContent())?.match(/CT-\d{4}-\d{6}/)?.[0] ?? "";
}

/** The producer's contracts page, once the contract has arrived; opens it. */
async function openProducerContract(page: Page, number: string) {
  await page.goto(`${pair.producer.url}/contracts`);
  await reloadUntilVisible(page, page.getByRole("link", { name: number }));
  await page.getByRole("link", { name: number }).click();
  await expect(page.getByRole("heading", { name: new RegExp(`Contract ${number}`) })).toBeVisible();
}

test("1. the buyer publishes a lot, sees the toast and the notification; the producer finds it in the marketplace", async ({
  browser,
}) => {
  const buyer = await signedInPage(browser, pair.buyer.url, "anna@northfield.example");
  const before = await unreadCount(pair.buyer.url, anna);
  await expect.poll(() => unreadOf(buyer)).toBe(before); // the bell has loaded
  await buyer.getByRole("link", { name: "New lot" }).click();
  const field = (label: string) => buyer.getByLabel(label, { exact: true });
  await field("Title").fill("Malting barley, spring crop");
  await field("Commodity").fill("Barley");
  await field("Delivery location").fill("Northfield Mill, Hamburg");
  await field("Quality specifications").fill("Germination ≥ 95 %, protein 9.5–11.5 %");
  await field("Volume").fill("300");
  await field("Unit").selectOption("t");
  await field("Minimum bid volume").fill("25");
  await field("Target price per unit").fill("214.00");
  await field("Currency").selectOption("EUR");
  await field("Incoterm").selectOption("DAP");
  await field("Delivery from").fill("2027-08-01");
  await field("Delivery until").fill("2027-08-31");
  await field("Bidding deadline (UTC)").fill(new Date(Date.now() + 5 * DAY).toISOString().slice(0, 16));
  await field("Payment terms").fill("30 days after delivery");
  await buyer.getByRole("button", { name: "Save draft" }).click();
  await expect(buyer.getByRole("heading", { name: /LOT-\d{4}-\d{6} · Malting barley/ })).toBeVisible();
  await buyer.getByRole("button", { name: "Publish" }).click();
  await buyer.getByRole("dialog", { name: "Publish this lot?" }).getByRole("button", { name: "Publish now" }).click();

  // The toast and the bell, live, without a reload.
  const toast = buyer.locator(".toast").filter({ hasText: "Your lot is now visible to producers" });
  await expect(toast).toBeVisible();
  await expect.poll(() => unreadOf(buyer)).toBe(before + 1);
  await keyScreen(buyer, "1-buyer-lot-published");
  await buyer.getByRole("button", { name: /^Notifications/ }).click();
  await expect(buyer.getByLabel("Latest notifications")).toContainText("Your lot is now visible to producers");

  const producer = await signedInPage(browser, pair.producer.url, "piet@greenacre.example");
  await producer.getByLabel("Search").fill("malting barley");
  await producer.getByRole("button", { name: "Find lots" }).click();
  const row = producer.getByRole("row").filter({ hasText: "Malting barley, spring crop" });
  await reloadUntilVisible(producer, row);
  await expect(row).toContainText("300 of 300 t");
  await keyScreen(producer, "1-producer-marketplace");
  await row.getByRole("link").click();
  await expect(producer.locator("dl.facts")).toContainText("Germination ≥ 95 %, protein 9.5–11.5 %");
  await keyScreen(producer, "1-producer-lot");
  await buyer.goto(`${pair.buyer.url}/lots`);
  await keyScreen(buyer, "1-buyer-lots");
  await buyer.goto(`${pair.buyer.url}/notifications`);
  await keyScreen(buyer, "1-buyer-notifications");
});

test("2. the producer bids; the buyer's bell updates live and the email arrives; accepted; both sign; active; the same PDF on both sides; completed", async ({
  browser,
}) => {
  const lot = await northfieldLot(pair, piet);
  const buyer = await signedInPage(browser, pair.buyer.url, "anna@northfield.example", `/lots/${lot.id}`);
  const before = await unreadCount(pair.buyer.url, anna);
  await expect.poll(() => unreadOf(buyer)).toBe(before); // the bell has loaded

  const producer = await signedInPage(browser, pair.producer.url, "piet@greenacre.example", `/lots/${lot.id}`);
  await producer.getByLabel(/^Volume/).fill(lot.minBidVolume);
  await producer.getByLabel(/^Price per/).fill("233.40");
  await producer.getByLabel("Delivery terms").fill("DAP Hamburg, September");
  await producer.getByLabel("Bid valid until").fill(new Date(Date.now() + 4 * DAY).toISOString().slice(0, 16));
  await keyScreen(producer, "2-producer-bid-form");
  await producer.getByRole("button", { name: "Place bid" }).click();
  await expect(producer.getByRole("status").filter({ hasText: "on its way" })).toBeVisible();

  // The buyer's page was not reloaded: the toast and the count arrive live.
  await expect(buyer.locator(".toast").filter({ hasText: "New bid received" })).toBeVisible({ timeout: 10_000 });
  await expect.poll(() => unreadOf(buyer)).toBeGreaterThan(before);
  const mail = await eventually(async () =>
    smtp.mails.find((m) => m.recipients.includes("anna@northfield.example") && m.headers.subject.startsWith("New bid")),
  );
  expect(mail.text).toContain("233.40");

  await buyer.reload();
  await buyer.getByRole("link", { name: "Greenacre Farms" }).first().click();
  await expect(buyer).toHaveURL(/\/bids\/bid_/);
  await keyScreen(buyer, "2-buyer-bid");
  const number = await acceptOnBidPage(buyer, buyer.url().split("/").at(-1) as string);
  await keyScreen(buyer, "2-buyer-contract");

  await openProducerContract(producer, number);
  await expect(producer.locator("main")).toContainText("233.4");
  await keyScreen(producer, "2-producer-contract");
  const producerHash = await downloadedPdfHash(producer);
  const buyerHash = await downloadedPdfHash(buyer);
  expect(producerHash).toBe(buyerHash);

  await buyer.getByRole("button", { name: "Sign contract" }).click();
  await expect(buyer.getByRole("button", { name: "Sign contract" })).toHaveCount(0, { timeout: 10_000 });
  producer.once("dialog", (dialog) => dialog.accept());
  await producer.getByRole("button", { name: "Sign contract" }).click();
  await reloadUntilVisible(producer, producer.getByRole("heading", { name: /Contract CT-.*Active/i }));
  await reloadUntilVisible(buyer, buyer.getByRole("heading", { name: /Contract CT-.*Active/i }));
  await expect(buyer.locator("main")).toContainText(buyerHash);
  await keyScreen(buyer, "2-buyer-contract-active");
  expect(await titlesOf(pair.producer.url, piet)).toEqual(
    expect.arrayContaining([expect.stringContaining(`Contract ${number}`)]),
  );

  // Settled outside the portal (no load recorded): the buyer marks it completed; the producer sees it and is told.
  // The page also offers the weighbridge ticket form, with a note of its own: the completion's is the one both read.
  await buyer
    .getByRole("textbox", { name: "Note (optional)", description: "Both parties read this." })
    .fill("Delivered to Hamburg, invoice paid.");
  await buyer.getByRole("button", { name: "Mark completed" }).click();
  await expect(buyer.getByRole("heading", { name: /Contract CT-.*Completed/i })).toBeVisible({ timeout: 10_000 });
  await reloadUntilVisible(producer, producer.getByRole("heading", { name: /Contract CT-.*Completed/i }));
  await expect(producer.locator("main")).toContainText("Delivered to Hamburg, invoice paid.");
  expect(await titlesOf(pair.producer.url, piet)).toContain(`Contract ${number} is completed`);
});

test("3. the buyer counters, the producer counters back, the buyer accepts: a contract on the last terms", async ({
  browser,
}) => {
  const bid = await confirmedBid(pair, piet, "100");
  const buyer = await signedInPage(browser, pair.buyer.url, "anna@northfield.example", `/bids/${bid.buyerBidId}`);
  await expect(buyer.getByLabel(/^Volume/)).toHaveValue(/^100/);
  await buyer.getByLabel(/^Price per/).fill("236.00");
  await buyer.getByLabel(/^Message/).fill("We can do 236.");
  await buyer.getByRole("button", { name: "Send counter-offer" }).click();
  await expect(buyer.getByText("Waiting for Greenacre Farms to answer your counter-offer")).toBeVisible();

  const producer = await signedInPage(browser, pair.producer.url, "piet@greenacre.example", `/bids/${bid.id}`);
  await reloadUntilVisible(producer, producer.getByRole("heading", { name: "Answer the buyer's counter-offer" }));
  await keyScreen(producer, "3-producer-counter-offer");
  await producer.getByLabel(/^Price per/).fill("238.50");
  await producer.getByRole("button", { name: "Send counter-offer" }).click();

  await reloadUntilVisible(buyer, buyer.getByRole("button", { name: "Accept bid" }));
  await expect(buyer.locator("main")).toContainText("236.00 → 238.50");
  await keyScreen(buyer, "3-buyer-thread");
  const number = await acceptOnBidPage(buyer, bid.buyerBidId);
  await expect(buyer.locator("main")).toContainText("238.5");
  await openProducerContract(producer, number);
  await expect(producer.locator("main")).toContainText("EUR 23,850.00");
});

test("4. the producer portal is down while the buyer accepts: after its restart the contract is there, once", async ({
  browser,
}) => {
  const bid = await confirmedBid(pair, piet);
  const producer = await signedInPage(browser, pair.producer.url, "piet@greenacre.example", "/contracts");
  await pair.producer.stop();

  const buyer = await signedInPage(browser, pair.buyer.url, "anna@northfield.example");
  const number = await acceptOnBidPage(buyer, bid.buyerBidId);
  // Deliveries to the stopped portal fail meanwhile, as the buyer's outbox records.
  await eventually(async () =>
    (await waitingInBuyerOutbox()).some((m) => m.kind === "webhook" && m.attempts >= 2 && m.lastError),
  );

  await pair.producer.start();
  await reloadUntilVisible(producer, producer.getByRole("link", { name: number }), 30_000);
  // Retries and the catch-up job go over the same events again: wait until both are done with them — no webhook
  // waits in the buyer's outbox, and the producer's reconciliation has read the feed up to its newest event.
  const feedEnd = await buyerFeedEnd();
  await eventually(async () => {
    const retried = (await waitingInBuyerOutbox()).every((m) => m.kind !== "webhook");
    const { reconciliation } = await getJson(`${pair.producer.url}/api/admin/integration`, piet);
    return retried && Number(reconciliation.cursor) >= feedEnd;
  }, 30_000);
  await producer.reload();
  await expect(producer.getByRole("link", { name: /^CT-/ })).toHaveCount(1);
  const told = (await titlesOf(pair.producer.url, piet)).filter((title) => title.includes(number));
  expect(told).toHaveLength(1);
  expect((await getJson(`${pair.producer.url}/api/bids/${bid.id}`, piet)).state).toBe("accepted");
  await keyScreen(producer, "4-producer-contracts");
  await producer.goto(`${pair.producer.url}/bids`);
  await keyScreen(producer, "4-producer-my-bids");
  await buyer.goto(`${pair.buyer.url}/contracts`);
  await keyScreen(buyer, "4-buyer-contracts");
});

test("5. bad input in each form shows a message beside the field and stores nothing", async ({ browser }) => {
  // The buyer's lot form.
  const buyer = await signedInPage(browser, pair.buyer.url, "anna@northfield.example", "/lots/new");
  const drafts = async () => (await getJson(`${pair.buyer.url}/api/lots?status=draft`, anna)).data.length;
  const draftsBefore = await drafts();
  await buyer.getByRole("button", { name: "Save draft" }).click();
  await expect(buyer.locator("#title-error")).toBeVisible();
  expect(await drafts()).toBe(draftsBefore);

  // The producer's bid form: more than the lot's open volume.
  const lot = await northfieldLot(pair, piet);
  const producer = await signedInPage(browser, pair.producer.url, "piet@greenacre.example", `/lots/${lot.id}`);
  await producer.getByLabel(/^Volume/).fill("999999");
  await producer.getByLabel(/^Price per/).fill("230");
  await producer.getByLabel("Bid valid until").fill(new Date(Date.now() + DAY).toISOString().slice(0, 16));
  await producer.getByRole("button", { name: "Place bid" }).click();
  await expect(producer.locator("#bid-volume-error")).toContainText("at most");
  await keyScreen(producer, "5-producer-bid-form-error");
  expect((await getJson(`${pair.producer.url}/api/bids`, piet)).data).toEqual([]);

  // The buyer's counter-offer and rejection forms.
  const bid = await confirmedBid(pair, piet, lot.minBidVolume, lot.id);
  const thread = async () => (await getJson(`${pair.producer.url}/api/bids/${bid.id}`, piet)).offers.length as number;
  await buyer.goto(`${pair.buyer.url}/bids/${bid.buyerBidId}`);
  await buyer.getByLabel(/^Volume/).fill("0");
  await buyer.getByRole("button", { name: "Send counter-offer" }).click();
  await expect(buyer.getByText(/must be (greater|more) than 0|must be a positive/i).first()).toBeVisible();
  await buyer.getByRole("button", { name: "Reject bid" }).click();
  await expect(buyer.getByLabel("Reason for rejecting")).toHaveAttribute("aria-invalid", "true");
  await expect(buyer.getByText(/give a reason/i)).toBeVisible();
  await keyScreen(buyer, "5-buyer-bid-form-errors");
  expect(await thread()).toBe(1);

  // The producer's counter-back form.
  await send(`${pair.buyer.url}/api/bids/${bid.buyerBidId}/counter`, anna, "POST", {
    volume: lot.minBidVolume,
    pricePerUnit: "235.00",
    expiresAt: new Date(Date.now() + DAY).toISOString(),
  });
  await producer.goto(`${pair.producer.url}/bids/${bid.id}`);
  await reloadUntilVisible(producer, producer.getByRole("heading", { name: "Answer the buyer's counter-offer" }));
  await producer.getByLabel(/^Price per/).fill("abc");
  await producer.getByRole("button", { name: "Send counter-offer" }).click();
  await expect(producer.locator("#counter-pricePerUnit-error, [id$='pricePerUnit-error']").first()).toBeVisible();
  expect(await thread()).toBe(2);

  // The buyer's cancellation form needs a reason.
  await send(
    `${pair.producer.url}/api/bids/${bid.id}/counter-offers/${(await getJson(`${pair.producer.url}/api/bids/${bid.id}`, piet)).offers[1].id}/accept`,
    piet,
    "POST",
  );
  const contract = await eventually(async () => (await getJson(`${pair.buyer.url}/api/contracts`, anna)).data[0]);
  await buyer.goto(`${pair.buyer.url}/contracts/${contract.id}`);
  await buyer.getByRole("button", { name: "Cancel contract" }).click();
  await expect(buyer.getByText(/give a reason/i)).toBeVisible();
  expect((await getJson(`${pair.buyer.url}/api/contracts/${contract.id}`, anna)).status).toBe("pending_signature");
});

test("6. nobody opens another organization's bid, contract or lot by its URL", async ({ browser }) => {
  const bid = await confirmedBid(pair, piet);
  await send(`${pair.buyer.url}/api/bids/${bid.buyerBidId}`, anna, "PUT", { action: "accept" });
  const contract = (await getJson(`${pair.buyer.url}/api/contracts`, anna)).data[0];
  await eventually(async () => (await getJson(`${pair.producer.url}/api/contracts`, piet)).data.length === 1);

  const omar = await signedInPage(browser, pair.producer.url, "omar@sunvalley.example");
  for (const path of [`/bids/${bid.id}`, `/contracts/${contract.id}`]) {
    const response = await omar.goto(`${pair.producer.url}${path}`);
    expect(response?.status(), path).toBe(404);
    await expect(omar.getByText(/could not be found|not found/i).first()).toBeVisible();
  }
  const carla = await signedInPage(browser, pair.buyer.url, "carla@riverside.example");
  for (const path of [`/lots/${bid.lotId}`, `/bids/${bid.buyerBidId}`, `/contracts/${contract.id}`]) {
    const response = await carla.goto(`${pair.buyer.url}${path}`);
    expect(response?.status(), path).toBe(404);
  }
  // The owners still see them: the 404s are about who asks, not about broken pages.
  const piets = await signedInPage(browser, pair.producer.url, "piet@greenacre.example", `/contracts/${contract.id}`);
  await expect(piets.getByRole("heading", { name: new RegExp(contract.number) })).toBeVisible();
});
