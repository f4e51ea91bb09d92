import { freePort } from "@lotbridge/db/free-port";
import { startTestSmtpServer, type TestSmtpServer } from "@lotbridge/notifications/testing/test-smtp-server";
import { expect, test } from "@playwright/test";
import { eventually, type PortalPair, sessionCookie, startPortalPair } from "./harness/portal-pair";
import { PortalProcess } from "./harness/portal-process";
import { signIn } from "./harness/sign-in";

// Notifications across real processes: the live stream fans out through PostgreSQL LISTEN/NOTIFY, and email goes
// through the outbox to a real SMTP server.

let pair: PortalPair;
let smtpPort: number;
let smtp: TestSmtpServer | undefined;

test.beforeEach(async () => {
  smtpPort = await freePort();
  smtp = await startTestSmtpServer({ port: smtpPort });
  pair = await startPortalPair({ buyerEnv: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}` } });
});

test.afterEach(async () => {
  await pair.stop();
  await smtp?.close();
});

const post = (url: string, cookie: string, body: unknown = {}) =>
  fetch(url, {
    method: "POST",
    headers: { cookie, "content-type": "application/json", origin: new URL(url).origin },
    body: JSON.stringify(body),
  });

type OutboxEntry = { kind: string; eventId: string | null; status: string; attempts: number; lastError: string | null };

/** The buyer portal's outbox as its Integrations page lists it (newest first), seen by an admin. */
const outbox = async (cookie: string, status?: "pending"): Promise<OutboxEntry[]> =>
  (
    await (
      await fetch(`${pair.buyer.url}/api/admin/integration${status ? `?status=${status}` : ""}`, {
        headers: { cookie },
      })
    ).json()
  ).messages;

const testMailsTo = (address: string) =>
  (smtp?.mails ?? []).filter((m) => m.recipients.includes(address) && m.headers.subject === "Test notification");

test("a notification created by one process reaches a browser stream connected to another process", async () => {
  // A second buyer portal instance on the same database, without its own dispatcher.
  const second = new PortalProcess("buyer", await freePort(), { ...pair.env.buyer, RUN_DISPATCHER: "false" });
  await second.start();
  try {
    // Behind one public address, both instances share sessions: the same database and AUTH_SECRET.
    const anna = await sessionCookie(pair.buyer.url, "anna@northfield.example");
    const abort = new AbortController();
    const stream = await fetch(`${second.url}/api/notifications/stream`, {
      headers: { cookie: anna },
      signal: abort.signal,
    });
    expect(stream.headers.get("content-type")).toBe("text/event-stream");
    const reader = stream.body!.getReader();
    let received = "";
    const decoder = new TextDecoder();
    const pump = (async () => {
      for (;;) {
        const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (done) return;
        received += decoder.decode(value);
      }
    })();
    await eventually(async () => received.length > 0 || undefined, 5_000).catch(() => {}); // connected
    const started = performance.now();
    expect(
      (
        await post(
          `${pair.buyer.url}/api/notifications/test`,
          await sessionCookie(pair.buyer.url, "anna@northfield.example"),
        )
      ).status,
    ).toBe(201);
    await eventually(async () => received.includes("Test notification"), 10_000);
    console.log(
      `notification created in process A → SSE client on process B: ${Math.round(performance.now() - started)} ms`,
    );
    abort.abort();
    await pump;
    expect(received).toContain("event: notification");
  } finally {
    await second.stop();
  }
});

test("the email for a notification reaches a real SMTP server; while it is down the mail waits and arrives after", async () => {
  const anna = await sessionCookie(pair.buyer.url, "anna@northfield.example");
  expect((await post(`${pair.buyer.url}/api/notifications/test`, anna)).status).toBe(201);
  const mail = await eventually(async () =>
    smtp?.mails.find(
      (m) => m.recipients.includes("anna@northfield.example") && m.headers.subject === "Test notification",
    ),
  );
  expect(mail.headers.subject).toBe("Test notification");
  expect(mail.text).toContain("Anna Keller asked for a test notification.");
  expect(mail.text).toContain(`${pair.buyer.url}/notifications`);

  await smtp?.close();
  smtp = undefined;
  const held = await post(`${pair.buyer.url}/api/notifications/test`, anna);
  expect(held.status).toBe(201);
  const { id: heldId } = await held.json();
  // A few attempts fail meanwhile, as the outbox records; the mail is still waiting.
  await eventually(async () =>
    (await outbox(anna, "pending")).find((m) => m.eventId === heldId && m.attempts >= 3 && m.lastError),
  );
  smtp = await startTestSmtpServer({ port: smtpPort });
  const late = await eventually(
    async () => smtp?.mails.find((m) => m.recipients.includes("anna@northfield.example")),
    30_000,
  );
  expect(late.headers.subject).toBe("Test notification");
});

test("a user who turned an email off gets the notification in the app but no email", async () => {
  const anna = await sessionCookie(pair.buyer.url, "anna@northfield.example");
  const off = await fetch(`${pair.buyer.url}/api/notifications/preferences`, {
    method: "PUT",
    headers: { cookie: anna, "content-type": "application/json", origin: pair.buyer.url },
    body: JSON.stringify({ type: "test", email: false }),
  });
  expect(off.status).toBe(200);
  const quiet = await post(`${pair.buyer.url}/api/notifications/test`, anna);
  expect(quiet.status).toBe(201);
  const { id: quietId } = await quiet.json();
  const list = await (await fetch(`${pair.buyer.url}/api/notifications`, { headers: { cookie: anna } })).json();
  expect(list.notifications[0].title).toBe("Test notification");

  // The marker: with the email on again, a second test notification goes the same way (outbox, dispatcher, SMTP).
  const on = await fetch(`${pair.buyer.url}/api/notifications/preferences`, {
    method: "PUT",
    headers: { cookie: anna, "content-type": "application/json", origin: pair.buyer.url },
    body: JSON.stringify({ type: "test", email: true }),
  });
  expect(on.status).toBe(200);
  const marker = await post(`${pair.buyer.url}/api/notifications/test`, anna);
  expect(marker.status).toBe(201);
  const { id: markerId } = await marker.json();
  await eventually(async () => testMailsTo("anna@northfield.example").length > 0);
  // Once no email waits in the outbox, every email enqueued before the marker's has been sent as well.
  await eventually(async () => (await outbox(anna, "pending")).every((m) => m.kind !== "email"));
  expect(testMailsTo("anna@northfield.example")).toHaveLength(1);
  const emails = (await outbox(anna)).filter((m) => m.kind === "email").map((m) => m.eventId);
  expect(emails).toContain(markerId);
  expect(emails).not.toContain(quietId);
});

test("the bell counts up and a toast appears live, without reloading the page", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, pair.buyer.url, "anna@northfield.example");
  const anna = await sessionCookie(pair.buyer.url, "anna@northfield.example");
  const { unreadCount: before } = await (
    await fetch(`${pair.buyer.url}/api/notifications`, { headers: { cookie: anna } })
  ).json();
  const bell = page.getByRole("button", { name: `Notifications, ${before} unread` });
  await expect(bell).toBeVisible();
  // Created by another session, through the API: the page learns of it only through the live stream.
  await post(
    `${pair.buyer.url}/api/notifications/test`,
    await sessionCookie(pair.buyer.url, "anna@northfield.example"),
  );
  await expect(page.getByRole("status").filter({ hasText: "Test notification" })).toBeVisible();
  await expect(page.getByRole("button", { name: `Notifications, ${before + 1} unread` })).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/buyer-toast.png" });
  await page.getByRole("button", { name: /Notifications, \d+ unread/ }).click();
  await expect(page.getByRole("region", { name: "Latest notifications" })).toContainText("Test notification");
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(page.getByRole("button", { name: "Notifications, 0 unread" })).toBeVisible();
});
