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
    await buyer.goto(`${stack.buyerUrl}/lots`);
    await expect(buyer.getByRole("row")).toHaveCount(7); // header + the six demo lots of Northfield Mills
    await buyer.screenshot({ path: "e2e/screenshots/buyer-lots.png", fullPage: true });

    // The demo story was played before the sign-ins were printed: Anna finds the workflow under way, no manual step.
    await expect(buyer.getByLabel(/^Notifications, [1-9]\d* unread$/)).toBeVisible();
    const lots: { data: { id: string; title: string }[] } = await (
      await buyer.request.get(`${stack.buyerUrl}/api/lots`)
    ).json();
    const durum = lots.data.find((lot) => lot.title === "Durum wheat for pasta semolina");
    await buyer.goto(`${stack.buyerUrl}/lots/${durum?.id}`);
    const bidRow = (producer: string, state: RegExp) =>
      buyer.getByRole("row").filter({ hasText: producer }).filter({ hasText: state });
    await expect(bidRow("Sun Valley Cooperative", /submitted/i)).toBeVisible(); // awaits Anna's decision
    await expect(bidRow("Greenacre Farms", /countered/i)).toBeVisible(); // four rounds, Piet's turn
    await expect(bidRow("Danube Plains Agro", /accepted/i)).toBeVisible();
    await buyer.goto(`${stack.buyerUrl}/contracts`);
    const contractRow = (status: string, producer: string) =>
      buyer.getByRole("row").filter({ hasText: status }).filter({ hasText: producer });
    await expect(contractRow("Waiting for signatures", "Greenacre Farms")).toBeVisible();
    await expect(contractRow("In delivery", "Greenacre Farms")).toBeVisible();
    await expect(contractRow("Fulfilled", "Danube Plains Agro")).toBeVisible();
    await buyer.goto(`${stack.buyerUrl}/dev/mailbox`);
    await expect(buyer.getByText(/New bid received/).first()).toBeVisible();
    await buyer.goto(`${stack.buyerUrl}/`);

    const producer = await (await browser.newContext()).newPage();
    await signIn(producer, stack.producerUrl, "piet@greenacre.example");
    await expect(producer.getByRole("banner")).toContainText("Greenacre Farms");
    await producer.screenshot({ path: "e2e/screenshots/producer-home.png", fullPage: true });

    // Piet's saved search "Milling wheat" caught the wheat lot Anna published during the story.
    await expect(producer.getByTestId("work-new-lots-count")).toHaveText("1");
    await expect(producer.locator("section.work-card").filter({ hasText: "saved searches" })).toContainText(
      "Milling wheat, harvest 2027",
    );

    // Piet finds Greenacre's side of the same story: its bids, Anna's counter-offer to answer, and contracts.
    await expect(producer.getByLabel(/^Notifications, [1-9]\d* unread$/)).toBeVisible();
    await producer.goto(`${stack.producerUrl}/bids`);
    const myBid = (lot: string, state: string) =>
      producer.getByRole("row").filter({ hasText: lot }).filter({ hasText: state });
    await expect(myBid("Durum wheat for pasta semolina", "Counter-offer received")).toBeVisible();
    await expect(myBid("Feed barley, winter varieties", "Accepted")).toBeVisible();
    await expect(myBid("Milling oats for flakes", "Accepted")).toBeVisible();
    await expect(myBid("Rapeseed 00 for crushing", "Submitted")).toBeVisible();
    await myBid("Durum wheat for pasta semolina", "Counter-offer received").getByRole("link").first().click();
    await expect(producer.getByRole("heading", { name: "Answer the buyer's counter-offer" })).toBeVisible();
    await producer.goto(`${stack.producerUrl}/contracts`);
    const myContract = (lot: string, status: string) =>
      producer.getByRole("row").filter({ hasText: lot }).filter({ hasText: status });
    await expect(myContract("Milling oats for flakes", "Waiting for signatures")).toBeVisible();
    await expect(myContract("Feed barley, winter varieties", "In delivery")).toBeVisible();
    // Danube Plains' fulfilled durum contract is theirs alone.
    await expect(producer.getByRole("row").filter({ hasText: "Durum wheat" })).toHaveCount(0);
    await producer.goto(`${stack.producerUrl}/`);

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
    await buyer.getByRole("button", { name: /^Anna/ }).click(); // the user menu holds the team page
    await buyer.getByRole("link", { name: "Team" }).click();
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

    // Piet replaces his password from his account page (his name in the header opens the menu that leads there).
    await producer.getByRole("button", { name: "Piet de Vries" }).click();
    await producer.getByRole("link", { name: "Your account" }).click();
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
    // The demo story is played once: the second start says nothing of it and Anna's contracts are the same three.
    expect(stack.output()).not.toContain("Demo:");
    const again = await (await browser.newContext()).newPage();
    await signIn(again, stack.buyerUrl, "anna@northfield.example");
    await again.goto(`${stack.buyerUrl}/lots`);
    await expect(again.getByRole("row")).toHaveCount(8);
    await expect(again.getByRole("cell", { name: "Sunflower seed, high oleic" })).toBeVisible();
    await again.goto(`${stack.buyerUrl}/contracts`);
    await expect(again.getByRole("row")).toHaveCount(4); // header + pending signature, in delivery, fulfilled
  } finally {
    await stack?.stop();
    dataDir.remove();
  }
});
