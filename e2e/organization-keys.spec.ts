import { expect, test } from "@playwright/test";
import { eventually, type PortalPair, sessionCookie, startPortalPair } from "./harness/portal-pair";
import { signIn } from "./harness/sign-in";

// A buyer organization's own system (its ERP) with a key its admin issued on the Integrations page: it creates and
// publishes a lot that producers find in their marketplace, across two real portal processes, until the admin
// revokes the key.

const DAY = 86_400_000;
let pair: PortalPair;

test.beforeEach(async () => {
  pair = await startPortalPair();
});

test.afterEach(async () => {
  await pair.stop();
});

const lotInput = {
  title: "Feed barley from the ERP",
  commodity: "Barley",
  description: "",
  qualitySpecs: "Moisture ≤ 14 %",
  volume: "300",
  unit: "t",
  minBidVolume: "25",
  partialBidsAllowed: true,
  targetPrice: "198.50",
  currency: "EUR",
  deliveryLocation: "Riverside terminal",
  incoterm: "DAP",
  deliveryStart: "2027-10-01",
  deliveryEnd: "2027-10-31",
  biddingDeadline: new Date(Date.now() + 6 * DAY).toISOString(),
  paymentTerms: "30 days after delivery",
};

test("an admin issues an organization key; the ERP publishes a lot producers see; revoked, the key is refused", async ({
  page,
}) => {
  await signIn(page, pair.buyer.url, "carla@riverside.example");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Integrations" }).click();
  const section = page.getByRole("article").filter({ hasText: "Your organization's API keys" });
  await expect(section).toBeVisible();
  const form = page.getByRole("form", { name: "Issue an organization key" });
  const secret = page.locator("code.secret");
  // A click before the form has hydrated submits it natively (a reload, nothing issued): try again until it is live.
  await expect(async () => {
    if (!(await secret.isVisible())) {
      await form.getByLabel("Name").fill("Riverside ERP");
      await form.getByRole("button", { name: "Issue key" }).click();
    }
    await expect(secret).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 90_000 });
  const key = (await secret.textContent()) ?? "";
  expect(key).toMatch(/^lbk_/);
  await expect(section.getByRole("row").filter({ hasText: "Riverside ERP" })).toContainText("active");

  const erp = (path: string, body?: unknown) =>
    fetch(`${pair.buyer.url}${path}`, {
      method: "POST",
      headers: { "x-api-key": key, "content-type": "application/json", "idempotency-key": `erp-${path}` },
      body: JSON.stringify(body ?? {}),
    });
  const created = await erp("/api/lots", lotInput);
  expect(created.status).toBe(201);
  const lot = await created.json();
  expect((await erp(`/api/lots/${lot.id}/publish`)).status).toBe(200);

  const piet = await sessionCookie(pair.producer.url, "piet@greenacre.example");
  const seen = await eventually(async () => {
    const response = await fetch(`${pair.producer.url}/api/marketplace/lots/${lot.id}`, { headers: { cookie: piet } });
    return response.ok ? response.json() : undefined;
  });
  expect(seen).toMatchObject({ id: lot.id, title: "Feed barley from the ERP", status: "published" });

  await section.getByRole("row").filter({ hasText: "Riverside ERP" }).getByRole("button", { name: "Revoke" }).click();
  await expect(section.getByText("Riverside ERP is revoked.")).toBeVisible();
  const refused = await fetch(`${pair.buyer.url}/api/lots`, { headers: { "x-api-key": key } });
  expect(refused.status).toBe(401);
});

test("a member has no Integrations page; an operator who is an admin sees the integration and the own keys", async ({
  browser,
}) => {
  const ben = await (await browser.newContext()).newPage();
  await signIn(ben, pair.buyer.url, "ben@northfield.example");
  await expect(ben.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Integrations" })).toHaveCount(
    0,
  );
  expect((await ben.goto(`${pair.buyer.url}/integrations`))?.status()).toBe(404);

  const anna = await (await browser.newContext()).newPage();
  await signIn(anna, pair.buyer.url, "anna@northfield.example");
  await anna.goto(`${pair.buyer.url}/integrations`);
  await expect(anna.getByRole("heading", { name: "Your organization's API keys" })).toBeVisible();
  await expect(anna.getByRole("heading", { level: 2 }).nth(1)).toBeVisible();
});
