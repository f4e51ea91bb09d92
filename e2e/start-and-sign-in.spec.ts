import { expect, test } from "@playwright/test";
import { signIn } from "./harness/sign-in";
import { makeDataDir, type Stack, startStack } from "./harness/stack";
import { keyScreen } from "./harness/workflow";

test("a newcomer starts both portals, signs in as a buyer and as a producer, and a restart keeps the data", async ({
  browser,
}) => {
  const dataDir = makeDataDir();
  let stack: Stack | undefined;
  try {
    stack = await startStack(dataDir.path);
    expect(stack.output()).toContain("anna@northfield.example");

    const buyer = await (await browser.newContext()).newPage();
    await signIn(buyer, stack.buyerUrl, "anna@northfield.example");
    await expect(buyer.getByRole("banner")).toContainText("Northfield Mills");
    await expect(buyer.getByRole("row")).toHaveCount(7); // header + the six demo lots of Northfield Mills
    await buyer.screenshot({ path: "e2e/screenshots/buyer-lots.png", fullPage: true });

    const producer = await (await browser.newContext()).newPage();
    await signIn(producer, stack.producerUrl, "piet@greenacre.example");
    await expect(producer.getByRole("banner")).toContainText("Greenacre Farms");
    await producer.screenshot({ path: "e2e/screenshots/producer-home.png", fullPage: true });

    // The demo makes Anna's membership of Northfield an operator: Carla, Riverside's admin, does not manage the
    // integration; her Integrations page holds only her organization's own API keys.
    await expect(
      buyer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Integrations" }),
    ).toBeVisible();
    const carla = await (await browser.newContext()).newPage();
    await signIn(carla, stack.buyerUrl, "carla@riverside.example");
    await carla.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Integrations" }).click();
    await expect(carla.getByRole("heading", { name: "Your organization's API keys" })).toBeVisible();
    await expect(carla.getByRole("heading", { level: 2 })).toHaveCount(1);

    // Anna adds a colleague on the Team page; the password shown once signs the colleague in to Northfield Mills.
    await buyer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team" }).click();
    await buyer.getByLabel("Full name").fill("Dora Lindqvist");
    await buyer.getByLabel("Sign-in email").fill("ben@northfield.example");
    await buyer.getByRole("button", { name: "Add colleague" }).click();
    await expect(buyer.locator("#team-email-error")).toHaveText("Already has an account.");
    await buyer.getByLabel("Sign-in email").fill("dora@northfield.example");
    await buyer.getByRole("button", { name: "Add colleague" }).click();
    const shown = buyer.getByRole("status").filter({ hasText: "Added dora@northfield.example" });
    const password = (await shown.locator("code").textContent()) ?? "";
    await expect(buyer.getByRole("cell", { name: "Dora Lindqvist", exact: true })).toBeVisible();
    await keyScreen(buyer, "buyer-team");
    const dora = await (await browser.newContext()).newPage();
    await signIn(dora, stack.buyerUrl, "dora@northfield.example", password);
    await expect(dora.getByRole("banner")).toContainText("Northfield Mills");
    // … and removes her again: her open page falls back to the sign-in page.
    buyer.once("dialog", (dialog) => dialog.accept());
    await buyer.getByRole("button", { name: "Remove Dora Lindqvist" }).click();
    await expect(buyer.getByRole("cell", { name: "Dora Lindqvist", exact: true })).toHaveCount(0);
    await dora.reload();
    await expect(dora).toHaveURL(/\/sign-in/);

    // Piet replaces his password from his account page (his name in the header leads there).
    await producer.getByRole("link", { name: "Piet de Vries" }).click();
    await expect(producer.getByRole("heading", { name: "Your account" })).toBeVisible();
    await producer.getByLabel("Current password").fill("not-my-password");
    await producer.getByLabel("New password", { exact: true }).fill("piets-own-passphrase");
    await producer.getByLabel("New password again").fill("piets-own-passphrase");
    await producer.getByRole("button", { name: "Change password" }).click();
    await expect(producer.locator("#currentPassword-error")).toHaveText("Is not your current password.");
    await producer.getByLabel("Current password").fill("lotbridge-demo");
    await producer.getByRole("button", { name: "Change password" }).click();
    await expect(producer.getByRole("status").filter({ hasText: "Password changed" })).toBeVisible();
    await keyScreen(producer, "producer-account");
    const pietAgain = await (await browser.newContext()).newPage();
    await signIn(pietAgain, stack.producerUrl, "piet@greenacre.example", "piets-own-passphrase");

    // A wrong password is refused with a message, and no session.
    const stranger = await (await browser.newContext()).newPage();
    await stranger.goto(`${stack.buyerUrl}/sign-in`);
    await stranger.getByLabel("Email").fill("anna@northfield.example");
    await stranger.getByLabel("Password").fill("not-the-password");
    await stranger.getByRole("button", { name: "Sign in" }).click();
    await expect(stranger.getByRole("alert").filter({ hasText: "Wrong" })).toHaveText("Wrong email or password.");
    await stranger.goto(`${stack.buyerUrl}/`);
    await expect(stranger).toHaveURL(/\/sign-in/);

    // Something the buyer created survives a restart, and the demo data is not created a second time.
    const created = await buyer.request.post(`${stack.buyerUrl}/api/lots`, {
      data: {
        title: "Sunflower seed, high oleic",
        commodity: "Sunflower",
        volume: "300",
        unit: "t",
        minBidVolume: "25",
        currency: "EUR",
        deliveryLocation: "Hamburg",
        incoterm: "DAP",
        deliveryStart: "2027-10-01",
        deliveryEnd: "2027-10-31",
        biddingDeadline: new Date(Date.now() + 86_400_000 * 10).toISOString(),
        paymentTerms: "30 days",
      },
      headers: { origin: stack.buyerUrl },
    });
    expect(created.status()).toBe(201);
    await stack.stop();

    stack = await startStack(dataDir.path);
    const again = await (await browser.newContext()).newPage();
    await signIn(again, stack.buyerUrl, "anna@northfield.example");
    await expect(again.getByRole("row")).toHaveCount(8);
    await expect(again.getByRole("cell", { name: "Sunflower seed, high oleic" })).toBeVisible();
  } finally {
    await stack?.stop();
    dataDir.remove();
  }
});
