import { createServer, type Server } from "node:http";
import { freePort } from "@lotbridge/db/free-port";
import { expect, test } from "@playwright/test";
import { type PortalPair, sessionCookie, startPortalPair } from "./harness/portal-pair";
import { signIn } from "./harness/sign-in";

// A page on another port of the same host is the same *site*: the browser sends Anna's SameSite=Lax session cookie
// with its requests to the buyer portal. Only the portal's CSRF guard stands between that page and her account.

const MARKER = "Planted by another page";

const lot = {
  title: MARKER,
  commodity: "Wheat",
  description: "",
  qualitySpecs: "Protein ≥ 13 %",
  volume: "100",
  unit: "t",
  minBidVolume: "10",
  partialBidsAllowed: true,
  targetPrice: "240",
  currency: "EUR",
  deliveryLocation: "Hamburg",
  incoterm: "DAP",
  deliveryStart: "2027-10-01",
  deliveryEnd: "2027-10-31",
  biddingDeadline: new Date(Date.now() + 6 * 86_400_000).toISOString(),
  paymentTerms: "30 days after delivery",
};

/** A page on another origin whose form posts a JSON-looking text/plain body to the buyer portal's lots. */
function foreignPage(buyerUrl: string): string {
  const json = JSON.stringify(lot);
  // enctype=text/plain sends `name=value`: the name carries the JSON up to a string the value closes.
  const name = `${json.slice(0, -1)},"padding":"`;
  const attribute = (text: string) => text.replaceAll("&", "&amp;").replaceAll('"', "&quot;");
  return `<!doctype html><title>Another page</title>
<form method="post" action="${buyerUrl}/api/lots" enctype="text/plain">
  <input type="hidden" name="${attribute(name)}" value='"}'>
  <button>Win a prize</button>
</form>`;
}

let pair: PortalPair;
let server: Server;
let foreignUrl: string;

test.beforeEach(async () => {
  pair = await startPortalPair();
  const port = await freePort();
  foreignUrl = `http://127.0.0.1:${port}`;
  server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(foreignPage(pair.buyer.url));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
});

test.afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  await pair.stop();
});

test("CSRF: a page on a second origin cannot create lots, issue API keys or send pings as the signed-in buyer", async ({
  browser,
}) => {
  expect(new URL(foreignUrl).origin).not.toBe(new URL(pair.buyer.url).origin);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, pair.buyer.url, "anna@northfield.example");

  await page.goto(foreignUrl);
  const attempts = await page.evaluate(
    async ({ buyerUrl, body }) => {
      const attempt = (path: string, payload: unknown) =>
        fetch(`${buyerUrl}${path}`, {
          method: "POST",
          credentials: "include",
          mode: "no-cors",
          headers: { "content-type": "text/plain;application/json" },
          body: JSON.stringify(payload),
        }).then(
          (response) => response.type,
          (error) => String(error),
        );
      return [
        await attempt("/api/lots", body),
        await attempt("/api/admin/api-keys", { name: "planted", platform: "elsewhere", scopes: ["lots:read"] }),
        await attempt("/api/admin/ping", {}),
      ];
    },
    { buyerUrl: pair.buyer.url, body: lot },
  );
  // The browser sent them (opaque answers it may not read); what matters is what the portal did with them.
  expect(attempts).toEqual(["opaque", "opaque", "opaque"]);

  // The form navigates to the portal's answer: the guard's 403, which it gives only when the session cookie came along
  // (without it the route would answer 401).
  const answer = page.waitForResponse(`${pair.buyer.url}/api/lots`);
  await page.getByRole("button", { name: "Win a prize" }).click();
  const refusal = await answer;
  expect(refusal.request().method()).toBe("POST");
  expect(refusal.status()).toBe(403);
  expect(await refusal.json()).toMatchObject({ type: "urn:lotbridge:problem:cross-origin-request" });

  const anna = await sessionCookie(pair.buyer.url, "anna@northfield.example");
  const lots = await (await fetch(`${pair.buyer.url}/api/lots`, { headers: { cookie: anna } })).json();
  expect(lots.data.map((l: { title: string }) => l.title)).not.toContain(MARKER);
  const overview = await (await fetch(`${pair.buyer.url}/api/admin/integration`, { headers: { cookie: anna } })).json();
  expect(overview.apiKeys.map((k: { name: string }) => k.name)).not.toContain("planted");
  expect(overview.lastPing ?? null).toBeNull();

  // The same session on the portal's own page still works: the refusals above were the guard, not a lost session.
  await page.goto(pair.buyer.url);
  const own = await page.evaluate(
    async ({ buyerUrl, body }) =>
      (
        await fetch(`${buyerUrl}/api/lots`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ ...body, title: "Posted by Anna" }),
        })
      ).status,
    { buyerUrl: pair.buyer.url, body: lot },
  );
  expect(own).toBe(201);
});
