import type { Database } from "@lotbridge/db/database";
import { openTestDatabase, type OpenTestDatabase as TestDatabase } from "@lotbridge/db/testing/open-test-database";
import { OUTBOX_CHANNEL } from "@lotbridge/webhooks/outbox-channel";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { asc, eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { EmailPayload } from "./email-payload";
import { NOTIFICATION_CHANNEL } from "./notification-channel";
import { type NotificationRecipient, type NotifyInput, notify } from "./notify";
import { renderEmail } from "./render-email";
import { setEmailPreference } from "./set-email-preference";
import { notification, notificationPreference } from "./tables";

let database: TestDatabase;
let db: Database;
let listener: pg.Client;
const signals: string[] = [];
/** Wake-ups of the outbox's dispatchers, which send the emails. */
let dispatcherWakeUps = 0;

beforeAll(async () => {
  database = await openTestDatabase("notifications");
  db = database.db;
  listener = new pg.Client({ connectionString: database.databaseUrl });
  await listener.connect();
  listener.on("notification", (message) => {
    if (message.channel === NOTIFICATION_CHANNEL) signals.push(message.payload ?? "");
  });
  listener.on("notification", (message) => {
    if (message.channel === OUTBOX_CHANNEL) dispatcherWakeUps++;
  });
  await listener.query(`listen ${NOTIFICATION_CHANNEL}`);
  await listener.query(`listen ${OUTBOX_CHANNEL}`);
});
afterAll(async () => {
  await listener.end();
  await database.close();
});
beforeEach(async () => {
  for (const table of [notification, notificationPreference, outboxMessage]) await db.delete(table);
  signals.length = 0;
  dispatcherWakeUps = 0;
});

const ana: NotificationRecipient = {
  userId: "usr_ana",
  memberId: "mem_ana",
  organizationId: "org_mill",
  email: "ana@mill.test",
  name: "Ana Silva",
};
const ben: NotificationRecipient = {
  userId: "usr_ben",
  memberId: "mem_ben",
  organizationId: "org_mill",
  email: "ben@mill.test",
  name: "Ben Ode",
};

function bidReceived(recipients: NotificationRecipient[], emailByDefault = true): NotifyInput {
  return {
    type: "bid.received",
    recipients,
    title: "New bid on lot L-104",
    body: "Cereal Co bids 212 EUR/t for 25 t.",
    link: "https://buyer.test/lots/lot_104",
    emailByDefault,
    email: (recipient) => ({
      subject: "New bid on lot L-104",
      ...renderEmail({
        title: `Hello ${recipient.name}, a new bid arrived`,
        facts: [
          ["Lot", "L-104"],
          ["Volume", "25 t"],
          ["Price", "212 EUR/t"],
        ],
        link: "https://buyer.test/lots/lot_104",
        linkLabel: "See the bid",
      }),
    }),
  };
}

async function emails(): Promise<EmailPayload[]> {
  const rows = await db.select().from(outboxMessage).orderBy(asc(outboxMessage.createdAt));
  for (const row of rows) expect(row).toMatchObject({ kind: "email", destination: "smtp", status: "pending" });
  return rows.map((row) => row.payload as EmailPayload);
}

describe("notify", () => {
  it("creates nothing when the transaction rolls back: no notification, no email, no signal", async () => {
    await expect(
      db.transaction(async (tx) => {
        await notify(tx, bidReceived([ana, ben]));
        throw new Error("the bid was withdrawn before commit");
      }),
    ).rejects.toThrow("withdrawn");
    // A committed notification after it: once its signal has arrived, the rolled-back one would have too.
    const [marker] = await db.transaction((tx) => notify(tx, { ...bidReceived([ben]), email: undefined }));
    await vi.waitFor(() => expect(signals).toHaveLength(1), { timeout: 5000, interval: 10 });

    expect(signals.map((s) => JSON.parse(s))).toEqual([{ id: marker.id, memberId: "mem_ben" }]);
    expect(await db.select().from(notification)).toEqual([marker]);
    expect(await emails()).toEqual([]);
  });

  it("stores the notification, signals it on commit and queues one email with the recipient and the facts", async () => {
    const [created] = await db.transaction((tx) => notify(tx, bidReceived([ana])));

    expect(created).toMatchObject({
      id: expect.stringMatching(/^ntf_/),
      recipientUserId: "usr_ana",
      organizationId: "org_mill",
      memberId: "mem_ana",
      type: "bid.received",
      title: "New bid on lot L-104",
      body: "Cereal Co bids 212 EUR/t for 25 t.",
      link: "https://buyer.test/lots/lot_104",
      readAt: null,
    });
    expect(await db.select().from(notification).where(eq(notification.id, created.id))).toEqual([created]);
    await vi.waitFor(() => expect(signals).toEqual([JSON.stringify({ id: created.id, memberId: "mem_ana" })]));

    const [email, ...others] = await emails();
    expect(others).toEqual([]);
    expect(email.to).toEqual({ name: "Ana Silva", address: "ana@mill.test" });
    expect(email.memberId).toBe("mem_ana");
    expect(email.subject).toBe("New bid on lot L-104");
    expect(email.text).toContain("Hello Ana Silva, a new bid arrived");
    expect(email.text).toContain("Volume: 25 t");
    expect(email.text).toContain("Price: 212 EUR/t");
    expect(email.html).toContain("212 EUR/t");
    const [message] = await db.select().from(outboxMessage);
    expect(message).toMatchObject({ eventId: created.id, eventType: "bid.received" });
  });

  it("tells every member of a larger organization, each their own notification and email, and wakes the dispatchers", async () => {
    const members = Array.from({ length: 7 }, (_, n) => ({
      ...ana,
      userId: `usr_${n}`,
      memberId: `mem_${n}`,
      email: `member${n}@mill.test`,
      name: `Member ${n}`,
    }));
    await setEmailPreference(db, "mem_3", "bid.received", false);
    const created = await db.transaction((tx) => notify(tx, bidReceived(members)));

    expect(created.map((n) => n.memberId).sort()).toEqual(members.map((m) => m.memberId).sort());
    await vi.waitFor(() => expect(signals).toHaveLength(7));
    await vi.waitFor(() => expect(dispatcherWakeUps).toBeGreaterThan(0));
    const queued = await db.select().from(outboxMessage);
    const notificationOf = new Map(created.map((n) => [n.memberId, n.id]));
    const to = (row: (typeof queued)[number]) => (row.payload as EmailPayload).to as { name: string; address: string };
    expect(queued.map((row) => to(row).address).sort()).toEqual(
      members.filter((m) => m.memberId !== "mem_3").map((m) => m.email),
    );
    for (const row of queued) {
      const email = row.payload as EmailPayload;
      expect(email.text).toContain(`Hello ${to(row).name}`);
      expect(row).toMatchObject({ eventId: notificationOf.get(email.memberId ?? ""), eventType: "bid.received" });
    }
    expect(new Set(queued.map((row) => row.id)).size).toBe(6);
  });

  it("notifies a user who turned this type's email off, but sends them no email", async () => {
    await setEmailPreference(db, "mem_ben", "bid.received", false);
    const created = await db.transaction((tx) => notify(tx, bidReceived([ana, ben])));

    expect(created.map((n) => n.recipientUserId).sort()).toEqual(["usr_ana", "usr_ben"]);
    expect((await emails()).map((e) => e.to)).toEqual([{ name: "Ana Silva", address: "ana@mill.test" }]);
  });

  it("emails a type that is off by default only to users who turned it on", async () => {
    await setEmailPreference(db, "mem_ben", "bid.received", true);
    await db.transaction((tx) => notify(tx, bidReceived([ana, ben], false)));

    expect((await db.select().from(notification)).length).toBe(2);
    expect((await emails()).map((e) => e.to)).toEqual([{ name: "Ben Ode", address: "ben@mill.test" }]);
  });

  it("goes by the recipient's membership: Ben's choice in an organization he left does not decide for his new one", async () => {
    await setEmailPreference(db, "mem_ben", "bid.received", false);
    const benAgain = { ...ben, memberId: "mem_ben_again", organizationId: "org_bakery" };
    const [created] = await db.transaction((tx) => notify(tx, bidReceived([benAgain])));

    expect(created).toMatchObject({ recipientUserId: "usr_ben", memberId: "mem_ben_again" });
    expect((await emails()).map((e) => e.memberId)).toEqual(["mem_ben_again"]);
  });

  it("notifies a user named twice once", async () => {
    const created = await db.transaction((tx) => notify(tx, bidReceived([ana, ana])));

    expect(created).toHaveLength(1);
    expect(await emails()).toHaveLength(1);
  });
});
