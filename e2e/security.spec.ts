import { expect, type Page, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./harness/sign-in";
import { makeDataDir, type Stack, startStack } from "./harness/stack";

/** Everything the browser reports about the Content Security Policy on this page, across navigations. */
async function watchPolicy(page: Page): Promise<string[]> {
  const reports: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|securitypolicyviolation/i.test(message.text())) reports.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(`securitypolicyviolation ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return reports;
}

function expectSecurityHeaders(headers: Record<string, string>, page: boolean) {
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  if (page) expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
}

test("both portals send security headers on pages, API routes and static files, and their pages run under the policy", async ({
  browser,
}) => {
  const dataDir = makeDataDir();
  let stack: Stack | undefined;
  try {
    stack = await startStack(dataDir.path);
    const { buyerUrl, producerUrl } = stack;

    // After sign-in, a next that a browser would read as another host sends you home, on the portal.
    const anna = await (await browser.newContext()).newPage();
    const annaReports = await watchPolicy(anna);
    await anna.goto(`${buyerUrl}/sign-in?next=/%5Cevil.example/x`);
    await anna.getByLabel("Email").fill("anna@northfield.example");
    await anna.getByLabel("Password").fill(DEMO_PASSWORD);
    await anna.getByRole("button", { name: "Sign in" }).click();
    await expect(anna.getByRole("button", { name: "Sign out" })).toBeVisible();
    expect(new URL(anna.url()).origin).toBe(buyerUrl);

    for (const path of ["/", "/lots/new", "/contracts", "/team", "/integrations", "/account", "/notifications"]) {
      const response = await anna.goto(`${buyerUrl}${path}`);
      expectSecurityHeaders(response?.headers() ?? {}, true);
      await expect(anna.getByRole("button", { name: "Sign out" })).toBeVisible();
    }
    // The API reference renders on the server, with no script of its own: it works under the page policy too.
    const reference = await anna.goto(`${buyerUrl}/api-reference`);
    expectSecurityHeaders(reference?.headers() ?? {}, true);
    await expect(anna.getByRole("heading", { level: 2, name: "Operations" })).toBeVisible();

    const stylesheet = await anna.evaluate(
      () => document.querySelector<HTMLLinkElement>('link[rel="stylesheet"]')?.href ?? "",
    );
    expect(stylesheet).toContain("/_next/static/");
    for (const url of [`${buyerUrl}/api/health`, `${buyerUrl}/api/lots`, stylesheet]) {
      expectSecurityHeaders((await anna.request.get(url)).headers(), false);
    }

    const piet = await (await browser.newContext()).newPage();
    const pietReports = await watchPolicy(piet);
    await signIn(piet, producerUrl, "piet@greenacre.example");
    for (const path of ["/", "/bids", "/contracts", "/account", "/notifications"]) {
      const response = await piet.goto(`${producerUrl}${path}`);
      expectSecurityHeaders(response?.headers() ?? {}, true);
      await expect(piet.getByRole("button", { name: "Sign out" })).toBeVisible();
    }
    expectSecurityHeaders((await piet.request.get(`${producerUrl}/api/health`)).headers(), false);

    const signInPage = await fetch(`${producerUrl}/sign-in`);
    expectSecurityHeaders(Object.fromEntries(signInPage.headers), true);

    expect(annaReports).toEqual([]);
    expect(pietReports).toEqual([]);

    // Under `next start` with no TRUSTED_PROXIES, a client rotating X-Forwarded-For is still one address (last: it
    // uses up this machine's sign-in attempts on the producer portal for a minute).
    const attempt = (i: number) =>
      fetch(`${producerUrl}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: producerUrl, "x-forwarded-for": `198.18.0.${i}` },
        body: JSON.stringify({ email: "piet@greenacre.example", password: "not-the-password" }),
      });
    // Piet's sign-in above, and the demo story's sign-ins at start-up, came from this address too: so the limit (10 a
    // minute) is reached within these 11 attempts, each from another forwarded address, and after it every one is
    // refused. Were the forwarded address believed, every attempt would be a first one, answered 401.
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await attempt(i)).status);
    const firstRefusal = statuses.indexOf(429);
    expect(firstRefusal, `statuses: ${statuses.join(", ")}`).toBeGreaterThanOrEqual(0);
    expect(firstRefusal).toBeLessThanOrEqual(9);
    expect(statuses).toEqual([...Array(firstRefusal).fill(401), ...Array(11 - firstRefusal).fill(429)]);
  } finally {
    await stack?.stop();
    dataDir.remove();
  }
});
