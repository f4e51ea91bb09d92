import { freePort } from "@lotbridge/db/free-port";
import { startTestSmtpServer, type TestSmtpServer } from "@lotbridge/notifications/testing/test-smtp-server";
import { expect, test } from "@playwright/test";
import { eventually, type PortalPair, sessionCookie, startPortalPair } from "./harness/portal-pair";
import { signIn } from "./harness/sign-in";

// Bids across two real portal processes: placed in the producer portal, sent through its outbox, received by the
// buyer portal, which tells its users in the app and by email (a real SMTP server).

type MarketLot = {
  id: string;
  title: string;
  minBidVolume: string;
  currency: string;
  buyerOrganization: { name: string };
};

let pair: PortalPair;
let smtp: TestSmtpServer;

test.beforeEach(async () => {
  const port = await freePort();
  smtp = await startTestSmtpServer({ port });
  pair = await startPortalPair({ buyerEnv: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
});

test.afterEach(async () => {
  await pair.stop();
  await smtp.close();
});

async function northfieldLot(cookie: string): Promise<MarketLot> {
  const lots = await eventually(async () => {
    const page = await (
      await fetch(`${pair.producer.url}/api/marketplace/lots?limit=50`, { headers: { cookie } })
    ).json();
    return (page.data as MarketLot[]).find((lot) => lot.buyerOrganization.name === "Northfield Mills");
  });
  return lots;
}

const bidReceivedEvents = async (externalBidId: string) => {
  const feed = await (
    await fetch(`${pair.buyer.url}/api/events?limit=100`, { headers: { "x-api-key": pair.secrets.apiKey } })
  ).json();
  return (feed.data as { type: string; data: { externalBidId?: string } }[]).filter(
    (e) => e.type === "bid.received" && e.data.externalBidId === externalBidId,
  );
};

test("a bid placed in the producer's browser reaches the buyer's bell and inbox", async ({ browser }) => {
  const piet = await sessionCookie(pair.producer.url, "piet@greenacre.example");
  const lot = await northfieldLot(piet);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, pair.producer.url, "piet@greenacre.example");
  await page.goto(`${pair.producer.url}/lots/${lot.id}`);
  await page.getByLabel(/^Volume/).fill(lot.minBidVolume);
  await page.getByLabel(/^Price per/).fill("231.25");
  await page.getByLabel("Delivery terms").fill("DAP Hamburg, in two lots");
  const validUntil = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 16);
  await page.getByLabel("Bid valid until").fill(validUntil);
  const started = performance.now();
  await page.getByRole("button", { name: "Place bid" }).click();
  await expect(page.getByRole("status").filter({ hasText: "on its way" })).toBeVisible();

  const anna = await sessionCookie(pair.buyer.url, "anna@northfield.example");
  const told = await eventually(async () => {
    const list = await (await fetch(`${pair.buyer.url}/api/notifications`, { headers: { cookie: anna } })).json();
    return (list.notifications as { title: string; body: string }[]).find((n) =>
      n.title.startsWith("New bid received"),
    );
  });
  console.log(`bid placed in the producer UI → buyer notified: ${Math.round(performance.now() - started)} ms`);
  expect(told.title).toContain(lot.title);
  expect(told.body).toContain("Greenacre Farms");

  const mail = await eventually(async () =>
    smtp.mails.find((m) => m.recipients.includes("anna@northfield.example") && m.headers.subject.startsWith("New bid")),
  );
  expect(mail.text).toContain("231.25");

  await page.goto(`${pair.producer.url}/bids`);
  await expect(page.getByText("Submitted")).toBeVisible({ timeout: 10_000 });
  await page.screenshot({ path: "e2e/screenshots/producer-my-bids.png", fullPage: true });

  // The producer revises the price on the bid's page; the buyer is told, and both sides then hold the new terms.
  await page.getByRole("link", { name: new RegExp(lot.title) }).click();
  await expect(page.getByLabel(/^Price per/)).toHaveValue("231.25");
  await page.getByLabel(/^Price per/).fill("229.75");
  await page.getByRole("button", { name: "Send revision" }).click();
  await expect(page.getByRole("status").filter({ hasText: "revision is on its way" })).toBeVisible();
  const revised = await eventually(async () => {
    const list = await (await fetch(`${pair.buyer.url}/api/notifications`, { headers: { cookie: anna } })).json();
    return (list.notifications as { title: string; body: string }[]).find((n) => n.title.includes("revised"));
  });
  expect(revised.body).toContain("229.75");
  await page.reload();
  await expect(page.getByText("EUR 229.75 / t").first()).toBeVisible({ timeout: 10_000 });
  await expect(page.getByText("on its way")).toHaveCount(0);
});

test("a bid placed while the buyer portal is down shows as sending, then arrives exactly once", async () => {
  const piet = await sessionCookie(pair.producer.url, "piet@greenacre.example");
  const lot = await northfieldLot(piet);
  await pair.buyer.stop();
  const placed = await fetch(`${pair.producer.url}/api/marketplace/lots/${lot.id}/bids`, {
    method: "POST",
    headers: { cookie: piet, "content-type": "application/json", origin: pair.producer.url },
    body: JSON.stringify({
      volume: lot.minBidVolume,
      pricePerUnit: "228.00",
      currency: lot.currency,
      deliveryTerms: "FCA farm gate",
      message: "",
      validUntil: new Date(Date.now() + 5 * 86_400_000).toISOString(),
    }),
  });
  expect(placed.status).toBe(202);
  const bid = await placed.json();
  const mine = async () =>
    (
      (await (await fetch(`${pair.producer.url}/api/bids`, { headers: { cookie: piet } })).json()).data as {
        id: string;
        state: string;
      }[]
    ).find((b) => b.id === bid.id);
  expect((await mine())?.state).toBe("sending");
  // The producer's outbox call that places the bid, as its Integrations status lists it.
  const call = async () =>
    (
      (await (await fetch(`${pair.producer.url}/api/admin/integration`, { headers: { cookie: piet } })).json())
        .outbound as { call: string; status: string; attempts: number; lastError: string | null }[]
    ).find((c) => c.call === "POST /api/bids");
  // A few attempts fail meanwhile, as the outbox records; the bid still shows as sending.
  await eventually(async () => {
    const placing = await call();
    return placing?.status === "pending" && placing.attempts >= 3 && placing.lastError !== null;
  });
  expect((await mine())?.state).toBe("sending");

  await pair.buyer.start();
  await eventually(async () => (await mine())?.state === "submitted", 30_000);
  // No attempt is left that could place it a second time.
  await eventually(async () => (await call())?.status === "delivered");
  expect(await bidReceivedEvents(bid.id)).toHaveLength(1);
});
