import { freePort } from "@lotbridge/db/free-port";
import { startTestSmtpServer, type TestSmtpServer } from "@lotbridge/notifications/testing/test-smtp-server";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { eventually, type PortalPair, sessionCookie, startPortalPair } from "./harness/portal-pair";
import { send } from "./harness/send";
import { signIn } from "./harness/sign-in";
import { keyScreen } from "./harness/workflow";

// Saved searches across two real processes and a real SMTP peer: a producer saves the marketplace's filters in the
// browser, the buyer publishes lots from the buyer portal, and the matching one — only that one, and only once, even
// when the webhook is sent again — reaches the producer's app live and their mailbox.

const DAY = 86_400_000;
const SEARCH = "Triticale for feed";
let pair: PortalPair;
let smtp: TestSmtpServer;
let producerDb: pg.Client;

test.beforeEach(async () => {
  const smtpPort = await freePort();
  smtp = await startTestSmtpServer({ port: smtpPort });
  pair = await startPortalPair({ producerEnv: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}` } });
  producerDb = new pg.Client({ connectionString: pair.env.producer.DATABASE_URL });
  await producerDb.connect();
});

test.afterEach(async () => {
  await producerDb?.end();
  await pair?.stop();
  await smtp?.close();
});

const lotInput = (title: string, volume: string) => ({
  title,
  commodity: "Triticale",
  description: "Winter triticale for the feed mill.",
  qualitySpecs: "Moisture ≤ 14 %",
  volume,
  unit: "t",
  minBidVolume: "25",
  partialBidsAllowed: true,
  targetPrice: "198",
  currency: "EUR",
  deliveryLocation: "Northfield Mill, Hamburg",
  incoterm: "DAP",
  deliveryStart: "2027-10-01",
  deliveryEnd: "2027-10-31",
  biddingDeadline: new Date(Date.now() + 6 * DAY).toISOString(),
  paymentTerms: "30 days after delivery",
});

/** Creates and publishes a lot as the buyer, through the buyer portal's API; its id. */
async function publishLot(anna: string, title: string, volume: string): Promise<string> {
  const created = await send(`${pair.buyer.url}/api/lots`, anna, "POST", lotInput(title, volume));
  expect(created.status).toBe(201);
  const { id } = await created.json();
  expect((await send(`${pair.buyer.url}/api/lots/${id}/publish`, anna, "POST")).status).toBe(200);
  return id;
}

/** The id of the lot.published event of `lotId`, read from the buyer's events feed as the producer platform. */
async function publishedEventOf(lotId: string): Promise<string> {
  let cursor = "";
  for (;;) {
    const page = await (
      await fetch(`${pair.buyer.url}/api/events?limit=100${cursor ? `&after=${cursor}` : ""}`, {
        headers: { "x-api-key": pair.secrets.apiKey },
      })
    ).json();
    const found = (page.data as { id: string; type: string; data: { id: string } }[]).find(
      (e) => e.type === "lot.published" && e.data.id === lotId,
    );
    if (found) return found.id;
    if (!page.nextCursor) throw new Error(`no lot.published event for ${lotId}`);
    cursor = page.nextCursor;
  }
}

/** A header as a person reads it: RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`) decoded. */
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
const alertMails = () =>
  smtp.mails.filter(
    (m) => m.recipients.includes("piet@greenacre.example") && decodeHeader(m.headers.subject).includes(SEARCH),
  );
const alertRows = async () =>
  (
    await producerDb.query<{ lot_id: string }>(
      `select a.lot_id from saved_search_alert a join member m on m.id = a.member_id
       join "user" u on u.id = m.user_id where u.email = 'piet@greenacre.example'`,
    )
  ).rows.map((row) => row.lot_id);
const alertNotifications = async () =>
  (
    await producerDb.query<{ title: string }>(`select title from notification where type = 'lot.matches_saved_search'`)
  ).rows.map((row) => row.title);

test("a saved search tells the producer of a matching lot in the app and by email, once, and of nothing else", async ({
  browser,
}) => {
  const anna = await sessionCookie(pair.buyer.url, "anna@northfield.example");
  const page = await (await browser.newContext()).newPage();
  await signIn(page, pair.producer.url, "piet@greenacre.example");

  // The producer searches the marketplace and keeps the filters under a name.
  await page.getByLabel("Search").fill("triticale");
  await page.getByLabel("Volume at least").fill("200");
  await page.getByRole("button", { name: "Find lots" }).click();
  await expect(page.getByText("No open lots match")).toBeVisible();
  await page.getByRole("button", { name: "Save this search" }).click();
  await expect(page.getByText("Keeps words “triticale”, volume at least 200.")).toBeVisible();
  await page.getByLabel("Name for these filters").fill(SEARCH);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: `Saved as “${SEARCH}”` })).toBeVisible();
  const [stored] = (await producerDb.query("select name, q, min_volume from saved_search")).rows;
  expect(stored).toEqual({ name: SEARCH, q: "triticale", min_volume: "200.000" });
  await expect(page.getByTestId("work-new-lots-count")).toHaveText("0");

  // The same name again is refused beside the field, and nothing more is stored.
  await page.getByRole("button", { name: "Save this search" }).click();
  await page.getByLabel("Name for these filters").fill(SEARCH.toUpperCase());
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator("#saved-search-name-error")).toHaveText(/already have a saved search with this name/i);
  await expect(page.getByLabel("Name for these filters")).toHaveAttribute("aria-invalid", "true");
  await keyScreen(page, "producer-home-save-search");
  await page.getByRole("button", { name: "Cancel" }).click();
  expect((await producerDb.query("select count(*)::int as n from saved_search")).rows[0].n).toBe(1);

  // The buyer publishes a lot the search matches: the producer's open page shows it live, without a reload.
  const matching = await publishLot(anna, "Triticale, winter crop", "400");
  const toast = page.locator(".toast").filter({ hasText: `New lot for "${SEARCH}"` });
  await expect(toast).toBeVisible({ timeout: 20_000 });
  await expect(toast).toContainText("Triticale, winter crop");
  await expect(page.getByTestId("work-new-lots-count")).toHaveText("1");
  const item = page.getByRole("link", { name: /Triticale, winter crop/ }).first();
  await expect(item).toBeVisible();

  // And by email, through the producer portal's outbox to the SMTP peer: numbers as people write them.
  const [mail] = await eventually(async () => (alertMails().length > 0 ? alertMails() : undefined), 20_000).catch(
    async (error) => {
      const outbox = await producerDb.query(
        "select event_type, status, attempts, last_error from outbox_message where kind = 'email'",
      );
      throw new Error(
        `${error.message}; mails: ${JSON.stringify(smtp.mails.map((m) => [m.recipients, m.headers.subject]))}; outbox: ${JSON.stringify(outbox.rows)}`,
      );
    },
  );
  expect(mail.text).toContain("Triticale, winter crop");
  expect(mail.text).toContain("400 t");
  expect(mail.text).toContain("EUR 198.00 / t");
  expect(mail.text).toContain(`${pair.producer.url}/lots/${matching}`);
  expect(mail.text).not.toMatch(/\d\.\d{3,}|GMT/);

  // A lot the search does not match (too small) reaches the marketplace but tells nobody.
  const small = await publishLot(anna, "Triticale, small parcel", "100");
  await eventually(async () => {
    const response = await fetch(`${pair.producer.url}/api/marketplace/lots/${small}`, {
      headers: { cookie: await sessionCookie(pair.producer.url, "lena@greenacre.example") },
    });
    return response.status === 200;
  }, 20_000);

  // The buyer's operator sends the matching lot's webhook again: acknowledged, and nobody is told twice.
  const eventId = await publishedEventOf(matching);
  const messages = await (
    await fetch(`${pair.buyer.url}/api/admin/messages?eventId=${eventId}`, { headers: { cookie: anna } })
  ).json();
  const [message] = messages.data as { id: string; deliveredAt: string }[];
  expect((await send(`${pair.buyer.url}/api/admin/messages/${message.id}/replay`, anna, "POST")).status).toBe(200);
  await eventually(async () => {
    const again = await (
      await fetch(`${pair.buyer.url}/api/admin/messages?eventId=${eventId}`, { headers: { cookie: anna } })
    ).json();
    const [replayed] = again.data as { status: string; deliveredAt: string | null; lastStatus: number | null }[];
    // Delivered anew (the replay clears the delivery time): the producer portal answered 2xx to the second copy.
    return (
      replayed.status === "delivered" && replayed.deliveredAt !== message.deliveredAt && replayed.lastStatus === 200
    );
  }, 20_000);
  // Time for any second email to have left the outbox, had one been written.
  await page.waitForTimeout(1_500);

  expect(await alertRows()).toEqual([matching]);
  expect(await alertNotifications()).toEqual([
    `New lot for "${SEARCH}": ${await lotNumber(matching)} Triticale, winter crop`,
  ]);
  expect(alertMails()).toHaveLength(1);
  await page.reload();
  await expect(page.getByTestId("work-new-lots-count")).toHaveText("1");

  // The manage page lists the search; renaming and deleting it work from there.
  await page.getByRole("link", { name: "Saved searches" }).click();
  const row = page.getByRole("row").filter({ hasText: SEARCH });
  await expect(row).toContainText("words “triticale”, volume at least 200");
  await keyScreen(page, "producer-saved-searches");
  await row.getByRole("button", { name: `Rename ${SEARCH}` }).click();
  await page.getByLabel(`New name for ${SEARCH}`).fill("Triticale, big lots");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Triticale, big lots" })).toBeVisible();
  await page.getByRole("button", { name: "Delete Triticale, big lots" }).click();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page.getByText("None yet.")).toBeVisible();
  expect((await producerDb.query("select count(*)::int as n from saved_search")).rows[0].n).toBe(0);
});

async function lotNumber(lotId: string): Promise<string> {
  return (await producerDb.query<{ number: string }>("select number from market_lot where id = $1", [lotId])).rows[0]
    .number;
}
