import { readFileSync } from "node:fs";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { eventually } from "./harness/portal-pair";
import { signIn } from "./harness/sign-in";
import {
  confirmedBid,
  getJson,
  keyScreen,
  send,
  sha256,
  startWorkflowStack,
  type WorkflowStack,
} from "./harness/workflow";

// Issue 17 in the browser, across two real portal processes and a real SMTP peer (docs/deliveries.md): the producer
// announces a truck in the producer portal, the buyer weighs it with one quality parameter out of spec and a
// discount, both portals show the same ledger and are told, the buyer corrects the discount, a second load brings the accepted quantity within the
// tolerance, the buyer confirms fulfilment, and both portals serve byte-identical settlement statements.

const DAY = 86_400_000;
// The machine is shared: news between the portals may take longer than the harness default.
const SLOW = 30_000;
const TRUCK = "HH-LB 417";

type Contract = {
  id: string;
  number: string;
  status: string;
  terms: { tolerance: { percent: string }; qualityParameters: { name: string; min: string | null }[] };
  delivery: {
    dispatches: { id: string; vehicleReference: string; ticketIds: string[] }[];
    tickets: {
      number: string;
      receivedAt: string;
      dispatchId: string | null;
      netWeight: string;
      outOfSpec: boolean;
      measurements: { name: string; value: string; inSpec: boolean }[];
      decision: string;
      discountKind: string | null;
      discountAmount: string | null;
      discount: string;
      value: string;
    }[];
    ledger: Record<string, unknown>;
    settlement: { documentHash: string } | null;
  };
};

let stack: WorkflowStack;

test.beforeEach(async () => {
  stack = await startWorkflowStack();
});

test.afterEach(() => stack?.stop());

/** A header as a person reads it: RFC 2047 encoded words decoded. */
const decodeHeader = (value = "") =>
  value.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi, (_, encoding: string, text: string) =>
    encoding.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(
          text
            .replace(/_/g, " ")
            .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
          "latin1",
        ).toString("utf8"),
  );

/** Anna's published lot of milling wheat, 50 t, with the commodity's default delivery terms; its id. */
async function wheatLot(): Promise<string> {
  const { pair, anna } = stack;
  const created = await send(`${pair.buyer.url}/api/lots`, anna, "POST", {
    title: "Milling wheat for the December run",
    commodity: "Milling wheat",
    description: "Delivered by truck to the mill's weighbridge.",
    qualitySpecs: "Milling quality, sound and sweet",
    volume: "50",
    unit: "t",
    minBidVolume: "50",
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
  // No terms sent: the lot carries wheat's defaults.
  expect(lot.tolerance).toEqual({ percent: "5.00", option: "seller", beyond: "refuse" });
  expect(lot.qualityParameters).toContainEqual({ name: "Protein", unit: "%", min: "12.5", max: null });
  expect((await send(`${pair.buyer.url}/api/lots/${lot.id}/publish`, anna, "POST")).status).toBe(200);
  return lot.id;
}

/** An active contract on `lotId`: the producer's bid of 50 t at EUR 240 accepted, then signed by both. */
async function activeContract(lotId: string): Promise<Contract> {
  const { pair, anna, piet } = stack;
  await eventually(
    async () => (await send(`${pair.producer.url}/api/marketplace/lots/${lotId}`, piet, "GET")).ok,
    SLOW,
  );
  const bid = await confirmedBid(pair, piet, "50", lotId);
  expect((await send(`${pair.buyer.url}/api/bids/${bid.buyerBidId}`, anna, "PUT", { action: "accept" })).status).toBe(
    200,
  );
  const [{ id }] = (await getJson(`${pair.buyer.url}/api/contracts`, anna)).data as { id: string }[];
  const pdf = await (await send(`${pair.buyer.url}/api/contracts/${id}/document`, anna, "GET")).arrayBuffer();
  await eventually(async () => (await send(`${pair.producer.url}/api/contracts/${id}`, piet, "GET")).ok, SLOW);
  expect(
    (await send(`${pair.buyer.url}/api/contracts/${id}/signatures`, anna, "POST", { documentHash: sha256(pdf) }))
      .status,
  ).toBe(201);
  expect((await send(`${pair.producer.url}/api/contracts/${id}/signatures`, piet, "POST")).status).toBe(202);
  const contract: Contract = await eventually(async () => {
    const answer: Contract = await getJson(`${pair.buyer.url}/api/contracts/${id}`, anna);
    return answer.status === "active" ? answer : undefined;
  }, SLOW);
  await eventually(async () => {
    const mirrored = await getJson(`${pair.producer.url}/api/contracts/${id}`, piet);
    return (mirrored.snapshot ?? mirrored).status === "active";
  }, SLOW);
  return contract;
}

/** A signed-in browser page in `timezoneId`, once the page has told the server its zone, on `path`. */
async function viewer(browser: Browser, baseUrl: string, email: string, timezoneId: string, path: string) {
  const context = await browser.newContext({ timezoneId, acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, baseUrl, email);
  await expect
    .poll(async () => (await context.cookies(baseUrl)).find((cookie) => cookie.name === "tz")?.value)
    .toBe(encodeURIComponent(timezoneId));
  await page.goto(`${baseUrl}${path}`);
  return page;
}

/** The buyer's ledger figures as its page shows them, by name. */
async function buyerLedger(page: Page): Promise<Record<string, string>> {
  const figures: Record<string, string> = {};
  for (const name of ["accepted", "tolerance", "remaining", "rejected", "value", "discounts", "within"]) {
    figures[name] = (await page.getByTestId(`ledger-${name}`).textContent())?.trim() ?? "";
  }
  return figures;
}

/** Downloads a PDF from the link named `name`; its bytes. */
async function downloaded(page: Page, name: string | RegExp): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  const bytes = readFileSync((await download.path()) as string);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  return bytes;
}

test("a truck announced, weighed out of spec with a discount, the discount corrected, a second load within tolerance, fulfilled: the same ledger and settlement on both sides", async ({
  browser,
}) => {
  const { pair, smtp, anna, piet } = stack;
  const contract = await activeContract(await wheatLot());
  const contractPath = `/contracts/${contract.id}`;
  const buyer = await viewer(browser, pair.buyer.url, "anna@northfield.example", "Europe/Berlin", contractPath);
  const producer = await viewer(browser, pair.producer.url, "piet@greenacre.example", "Europe/Berlin", contractPath);

  // The buyer's page shows the agreed delivery terms.
  await expect(buyer.getByTestId("terms-tolerance")).toHaveText("±5 % at seller's option; beyond tolerance refused");
  await expect(buyer.getByRole("row").filter({ hasText: "Protein" })).toContainText("at least 12.5 %");
  await expect(buyer.getByRole("heading", { name: /Contract CT-.* Active/ })).toBeVisible();

  // The producer announces a truck in its portal.
  const today = new Date().toISOString().slice(0, 10);
  await producer.getByLabel("Planned date").fill(today);
  await producer.getByLabel(/Vehicle/).fill(TRUCK);
  await producer.getByLabel(/Estimated weight/).fill("25");
  await producer.getByLabel(/Note/).first().fill("Second truck follows next week");
  await producer.getByRole("button", { name: /Announce/ }).click();

  // It reaches the buyer through the producer's outbox: the buyer's open page shows it live, and tells Anna.
  const arrival = buyer.getByTestId("expected-arrival").filter({ hasText: TRUCK });
  await expect(arrival).toBeVisible({ timeout: SLOW });
  await expect(arrival).toContainText("25 t");
  await expect(arrival).toContainText("Second truck follows next week");
  await expect(
    buyer.locator(".toast").filter({ hasText: `announced a load on contract ${contract.number}` }),
  ).toBeVisible();
  await expect(buyer.getByRole("heading", { name: /Contract CT-.* In delivery/ })).toBeVisible();
  // The buyer's home lists the load as expected today.
  const home = await buyer.context().newPage();
  await home.goto(`${pair.buyer.url}/`);
  await expect(home.getByTestId("loads-expected")).toContainText("1 load expected");
  await expect(home.getByTestId("loads-expected").getByRole("link")).toHaveAttribute("href", contractPath);
  await home.close();

  // The buyer records the ticket for that truck: net weight and the out-of-spec protein shown as they are typed.
  await arrival.getByRole("button", { name: `Record ticket for ${TRUCK}` }).click();
  const form = buyer.getByRole("form", { name: "Record a weighbridge ticket" });
  await expect(form.getByLabel("Ticket number")).toBeFocused();
  await expect(form.getByLabel("Announced load")).toHaveValue(/^dsp_/);
  await form.getByLabel("Ticket number").fill("W-1001");
  await expect(form.getByLabel("Received at (CET)")).toBeVisible();
  await form.getByLabel("Received at (CET)").fill("2026-11-30T09:40");
  await form.getByLabel("Gross weight (t)").fill("39.44");
  await form.getByLabel("Tare weight (t)").fill("14.98");
  await expect(form.getByTestId("ticket-net")).toHaveText("24.46 t");
  const protein = form.getByLabel("Protein (%)");
  await protein.fill("12.6");
  await expect(form.locator(".out-of-spec")).toHaveCount(0);
  await protein.fill("11.9");
  await expect(form.locator(".out-of-spec")).toHaveText(["Out of spec"]);
  await expect(protein).toHaveAccessibleDescription(/Out of spec/);
  // Moisture not measured yet, test weight mistyped: the API names the second measurement it was sent, and the form
  // shows that beside Test weight (the third parameter), not beside Protein.
  const testWeight = form.getByLabel("Test weight (kg/hl)");
  await testWeight.fill("78 kg");
  await form.getByLabel("Falling number (s)").fill("310");
  await form.getByRole("button", { name: "Save ticket" }).click();
  await expect(testWeight).toHaveAttribute("aria-invalid", "true");
  await expect(testWeight).toHaveAccessibleDescription(/Must be a non-negative decimal/);
  await expect(protein).toHaveAttribute("aria-invalid", "false");
  await testWeight.fill("78");
  await form.getByLabel("Moisture (%)").fill("13.2");
  await form.getByLabel("Accept with discount").check();
  await form.getByLabel("Discount", { exact: true }).selectOption("per_unit");
  // First a discount above the price: refused beside its field, nothing stored.
  await form.getByLabel("Discount amount (EUR / t)").fill("250");
  await form.getByRole("button", { name: "Save ticket" }).click();
  await expect(form.locator("#ticket-discountAmount-error")).toBeVisible();
  await expect(form.getByLabel("Discount amount (EUR / t)")).toHaveAttribute("aria-invalid", "true");
  expect((await getJson(`${pair.buyer.url}/api/contracts/${contract.id}`, anna)).delivery.tickets).toEqual([]);
  await form.getByLabel("Discount amount (EUR / t)").fill("6");
  await form.getByRole("button", { name: "Save ticket" }).click();
  await expect(buyer.getByTestId("ticket-saved")).toHaveText("Ticket W-1001 recorded: 24.46 t accepted, out of spec.");

  // Both sides are told at once (a toast lasts seconds): Anna of the out-of-spec load, Piet of the load received.
  await expect(buyer.locator(".toast").filter({ hasText: "W-1001" }).filter({ hasText: "out of spec" })).toBeVisible();
  await expect(producer.locator(".toast").filter({ hasText: "W-1001" }).first()).toBeVisible({ timeout: SLOW });
  await producer.getByRole("button", { name: /^Notifications, [1-9]\d* unread/ }).click();
  const producerBell = producer.getByRole("region", { name: "Latest notifications" });
  await expect(producerBell).toContainText("W-1001");
  await expect(producerBell).toContainText(/out of spec/i);
  await producer.getByRole("button", { name: /^Notifications,/ }).click();

  // What is stored: the received time typed on Berlin's clock, the dispatch, the discount, the value.
  const recorded: Contract = await getJson(`${pair.buyer.url}/api/contracts/${contract.id}`, anna);
  const [first] = recorded.delivery.tickets;
  expect(first).toMatchObject({
    number: "W-1001",
    receivedAt: "2026-11-30T08:40:00.000Z",
    dispatchId: recorded.delivery.dispatches[0].id,
    netWeight: "24.460",
    outOfSpec: true,
    decision: "accept_with_discount",
    discountKind: "per_unit",
    discount: "146.76",
    value: "5723.64",
  });
  expect(first.measurements.find((m) => m.name === "Protein")).toMatchObject({ value: "11.9", inSpec: false });

  // The buyer's page: the ticket, its out-of-spec protein, the ledger; the truck no longer expected.
  const row = buyer.getByTestId("ticket-row").filter({ hasText: "W-1001" });
  await expect(row).toContainText("Protein 11.9 % out of spec");
  await expect(row).toContainText("Accepted with discount");
  await expect(row).toContainText("EUR 146.76");
  await expect(row).toContainText("EUR 6.00 / t off the price");
  await expect(row).toContainText("EUR 5,723.64");
  await expect(buyer.getByTestId("expected-arrival")).toHaveCount(0);
  const afterFirst = {
    accepted: "24.46 t of 50 t",
    tolerance: "47.5 t – 52.5 t (±5 %)",
    remaining: "25.54 t",
    rejected: "0 t",
    value: "EUR 5,723.64",
    discounts: "EUR 146.76",
    within: "No",
  };
  await expect.poll(() => buyerLedger(buyer)).toEqual(afterFirst);
  await expect(buyer.getByRole("button", { name: "Confirm fulfilment" })).toHaveCount(0);
  await keyScreen(buyer, "buyer-contract-delivery");

  // The producer's page shows the same ledger and the same out-of-spec result, live.
  const producerLedger = producer.getByTestId("ledger");
  await expect(producerLedger).toContainText("24.46 t", { timeout: SLOW });
  for (const figure of ["50 t", "47.5 t", "52.5 t", "25.54 t", "EUR 5,723.64", "EUR 146.76"]) {
    await expect(producerLedger).toContainText(figure);
  }
  await expect(producer.getByText("W-1001").first()).toBeVisible();
  await expect(producer.getByText(/Protein 11\.9 %/).first()).toBeVisible();
  await expect(producer.getByText(/out of spec/i).first()).toBeVisible();

  // And by email, through each portal's outbox to the SMTP peer.
  const outOfSpecMail = (recipient: string) =>
    eventually(
      async () =>
        smtp.mails.find(
          (mail) =>
            mail.recipients.includes(recipient) && /out of spec/i.test(decodeHeader(mail.headers.subject ?? "")),
        ),
      SLOW,
    );
  const annaMail = await outOfSpecMail("anna@northfield.example");
  expect(decodeHeader(annaMail.headers.subject)).toContain("W-1001");
  expect(annaMail.text).toContain("Protein 11.9 %");
  expect(annaMail.text).not.toMatch(/\d\.\d{2,}0\s*(t|%)/);
  await outOfSpecMail("piet@greenacre.example");

  // The discount was agreed at EUR 5 / t by phone: the buyer corrects the ticket; version 1 stays in its history.
  await row.getByRole("button", { name: "Correct ticket W-1001" }).click();
  const correction = buyer.getByRole("form", { name: "Correct ticket W-1001 (new version)" });
  await expect(correction.getByLabel("Received at (CET)")).toHaveValue("2026-11-30T09:40");
  await expect(correction.getByLabel("Gross weight (t)")).toHaveValue("39.44");
  await expect(correction.getByLabel("Tare weight (t)")).toHaveValue("14.98");
  await expect(correction.getByLabel("Protein (%)")).toHaveValue("11.9");
  await expect(correction.locator(".out-of-spec")).toHaveText(["Out of spec"]);
  await expect(correction.getByLabel("Accept with discount")).toBeChecked();
  await expect(correction.getByLabel("Discount amount (EUR / t)")).toHaveValue("6");
  await correction.getByLabel("Discount amount (EUR / t)").fill("5");
  await correction.getByRole("button", { name: "Save version 2" }).click();
  await expect(correction.locator("#correction-reason-error")).toHaveText(
    "Say why the ticket is corrected: both parties read it.",
  );
  await correction.getByLabel("Reason for the correction").fill("Discount agreed at EUR 5 / t by phone");
  await correction.getByRole("button", { name: "Save version 2" }).click();
  await expect(buyer.getByTestId("ticket-saved")).toHaveText(
    "Ticket W-1001 corrected (version 2): 24.46 t accepted, out of spec.",
  );
  await expect(row).toContainText("v2 corrected: Discount agreed at EUR 5 / t by phone");
  await expect(row).toContainText("EUR 122.30");
  await row.getByText("Earlier version").click();
  await expect(row.locator("details")).toContainText("EUR 6.00 / t off the price");
  await expect
    .poll(() => buyerLedger(buyer))
    .toEqual({
      ...afterFirst,
      value: "EUR 5,748.10",
      discounts: "EUR 122.30",
    });
  await expect(producer.getByTestId("ticket").filter({ hasText: "W-1001" })).toContainText("corrected (v2)", {
    timeout: SLOW,
  });
  await expect(producerLedger).toContainText("EUR 5,748.10");

  // A second load, not announced, all in spec: the accepted quantity is within the tolerance.
  await form.getByLabel("Ticket number").fill("W-1002");
  await form.getByLabel("Gross weight (t)").fill("37.1");
  await form.getByLabel("Tare weight (t)").fill("13.9");
  await expect(form.getByTestId("ticket-net")).toHaveText("23.2 t");
  await form.getByLabel("Protein (%)").fill("13.1");
  await form.getByLabel("Moisture (%)").fill("12.9");
  await form.getByRole("button", { name: "Save ticket" }).click();
  await expect(buyer.getByTestId("ticket-saved")).toHaveText("Ticket W-1002 recorded: 23.2 t accepted.");
  const afterSecond = {
    ...afterFirst,
    accepted: "47.66 t of 50 t",
    remaining: "2.34 t",
    value: "EUR 11,316.10",
    discounts: "EUR 122.30",
    within: "Yes",
  };
  await expect.poll(() => buyerLedger(buyer)).toEqual(afterSecond);
  await expect(producerLedger).toContainText("47.66 t", { timeout: SLOW });
  await expect(producerLedger).toContainText("EUR 11,316.10");

  // The buyer's home has the contract ready to confirm.
  const homeAgain = await buyer.context().newPage();
  await homeAgain.goto(`${pair.buyer.url}/`);
  await expect(homeAgain.getByTestId("ready-to-confirm")).toContainText(contract.number);
  await expect(homeAgain.getByTestId("loads-expected")).toHaveCount(0);
  await homeAgain.close();

  // The buyer confirms fulfilment: both portals show Fulfilled and the settlement statement.
  await buyer.getByRole("group", { name: "Confirm fulfilment" }).getByLabel("Note (optional)").fill("All loads in.");
  await buyer.getByRole("button", { name: "Confirm fulfilment" }).click();
  await expect(buyer.getByRole("heading", { name: /Contract CT-.* Fulfilled/ })).toBeVisible({ timeout: SLOW });
  const settlementHash = (await buyer.getByTestId("settlement-hash").textContent())?.trim() ?? "";
  expect(settlementHash).toMatch(/^[0-9a-f]{64}$/);
  await expect(buyer.getByRole("form", { name: "Record a weighbridge ticket" })).toHaveCount(0);
  await expect(producer.getByRole("heading", { name: /Contract CT-.* Fulfilled/ })).toBeVisible({ timeout: SLOW });
  await expect(producer.getByTestId("settlement-hash")).toHaveText(settlementHash, { timeout: SLOW });

  // Both portals serve the same bytes, whose SHA-256 is the one both pages show.
  const fromBuyer = await downloaded(buyer, "Download settlement statement");
  const fromProducer = await downloaded(producer, /settlement statement/i);
  expect(fromProducer.equals(fromBuyer)).toBe(true);
  expect(sha256(fromBuyer)).toBe(settlementHash);
  const final: Contract = await getJson(`${pair.buyer.url}/api/contracts/${contract.id}`, anna);
  expect(final).toMatchObject({ status: "fulfilled", delivery: { settlement: { documentHash: settlementHash } } });
  const mirrored = await getJson(`${pair.producer.url}/api/contracts/${contract.id}`, piet);
  expect((mirrored.snapshot ?? mirrored).delivery).toEqual(final.delivery);
});
