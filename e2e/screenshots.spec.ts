import { existsSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./harness/sign-in";
import { makeDataDir, type Stack, startStack } from "./harness/stack";

// The README opens with these. `UPDATE_SCREENSHOTS=1 npx playwright test e2e/screenshots.spec.ts` retakes them from
// `npm start`'s stack and its demo story; without it the spec checks each screen still shows the demo data and
// that the committed picture exists.
const update = process.env.UPDATE_SCREENSHOTS === "1";
const FOLDER = join(import.meta.dirname, "..", "docs", "screenshots");

async function picture(page: Page, name: string): Promise<void> {
  const path = join(FOLDER, `${name}.png`);
  if (update) await page.screenshot({ path });
  else expect(existsSync(path), `docs/screenshots/${name}.png is committed`).toBe(true);
}

test("the README's screenshots: the key screens of both portals with the demo story's data, at 1280 × 900", async ({
  browser,
}) => {
  test.setTimeout(600_000); // npm start builds both portals first when their sources changed
  const dataDir = makeDataDir();
  let stack: Stack | undefined;
  try {
    stack = await startStack(dataDir.path);
    const look = { viewport: { width: 1280, height: 900 }, locale: "en-GB", timezoneId: "Europe/Berlin" };

    const buyer = await (await browser.newContext(look)).newPage();
    await signIn(buyer, stack.buyerUrl, "anna@northfield.example");
    await expect(buyer.getByText("Durum wheat for pasta semolina").first()).toBeVisible();
    await expect(buyer.getByLabel(/^Notifications, [1-9]\d* unread$/)).toBeVisible(); // the bell has its count
    await picture(buyer, "buyer-home");

    const lots: { data: { id: string; title: string }[] } = await (
      await buyer.request.get(`${stack.buyerUrl}/api/lots`)
    ).json();
    const durum = lots.data.find((lot) => lot.title === "Durum wheat for pasta semolina");
    await buyer.goto(`${stack.buyerUrl}/lots/${durum?.id}`);
    await expect(buyer.getByRole("row").filter({ hasText: "Sun Valley Cooperative" }).first()).toBeVisible();
    // The bids, not the lot's terms above them, are what this picture is for.
    await buyer
      .getByRole("heading", { name: "Bids" })
      .evaluate((heading) => heading.scrollIntoView({ block: "start" }));
    await picture(buyer, "buyer-lot-bids");

    const producer = await (await browser.newContext(look)).newPage();
    await signIn(producer, stack.producerUrl, "piet@greenacre.example");
    await expect(producer.getByText("Rapeseed 00 for crushing").first()).toBeVisible();
    await expect(producer.getByLabel(/^Notifications, [1-9]\d* unread$/)).toBeVisible();
    await picture(producer, "producer-marketplace");

    const contracts: { data: { id: string; snapshot: { lot: { title: string } } }[] } = await (
      await producer.request.get(`${stack.producerUrl}/api/contracts`)
    ).json();
    const barley = contracts.data.find((c) => c.snapshot.lot.title === "Feed barley, winter varieties");
    await producer.goto(`${stack.producerUrl}/contracts/${barley?.id}`);
    await expect(producer.getByText("Feed barley, winter varieties").first()).toBeVisible();
    await expect(producer.getByText("In delivery").first()).toBeVisible();
    await picture(producer, "producer-contract");
  } finally {
    await stack?.stop();
    dataDir.remove();
  }
});
