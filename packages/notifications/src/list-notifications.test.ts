import { openTestDatabase, type OpenTestDatabase as TestDatabase } from "@lotbridge/db/open-test-database";
import type { Database } from "@lotbridge/webhooks/database";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listNotifications } from "./list-notifications";
import { markRead } from "./mark-read";
import { type NotificationRecipient, notify } from "./notify";
import { notification, type UserNotification } from "./tables";

let database: TestDatabase;
let db: Database;

beforeAll(async () => {
  database = await openTestDatabase("notifications");
  db = database.db;
});
afterAll(() => database.close());
beforeEach(async () => {
  await db.delete(notification);
});

const recipient = (userId: string): NotificationRecipient => ({
  userId,
  organizationId: "org_mill",
  email: `${userId}@mill.test`,
  name: userId,
});

async function create(userId: string, type: string, title: string): Promise<UserNotification> {
  const [created] = await notify(db, { type, recipients: [recipient(userId)], title, body: "", emailByDefault: false });
  return created;
}

describe("listNotifications", () => {
  it("pages a user's notifications newest first without repeating or skipping one", async () => {
    const titles = Array.from({ length: 7 }, (_, i) => `N${i + 1}`);
    for (const title of titles) await create("usr_ana", "bid.received", title);
    await create("usr_ben", "bid.received", "not Ana's");

    const first = await listNotifications(db, "usr_ana", { limit: 3 });
    // Created after the first page was read: it belongs to the top of the list, not to the next page.
    await create("usr_ana", "bid.received", "N8");
    const second = await listNotifications(db, "usr_ana", { limit: 3, before: first.nextBefore! });
    const third = await listNotifications(db, "usr_ana", { limit: 3, before: second.nextBefore! });

    expect(first.notifications.map((n) => n.title)).toEqual(["N7", "N6", "N5"]);
    expect(second.notifications.map((n) => n.title)).toEqual(["N4", "N3", "N2"]);
    expect(third.notifications.map((n) => n.title)).toEqual(["N1"]);
    expect(third.nextBefore).toBeNull();
  });

  it("filters by type and by unread", async () => {
    const bid = await create("usr_ana", "bid.received", "bid");
    await create("usr_ana", "contract.signed", "contract");
    const read = await create("usr_ana", "bid.received", "read bid");
    await markRead(db, "usr_ana", [read.id]);

    const bids = await listNotifications(db, "usr_ana", { type: "bid.received", limit: 10 });
    const unreadBids = await listNotifications(db, "usr_ana", { type: "bid.received", unreadOnly: true, limit: 10 });

    expect(bids.notifications.map((n) => n.title)).toEqual(["read bid", "bid"]);
    expect(unreadBids.notifications.map((n) => n.id)).toEqual([bid.id]);
  });

  it("pages nothing from another user's cursor", async () => {
    const bens = await create("usr_ben", "bid.received", "Ben's");
    await create("usr_ana", "bid.received", "Ana's");

    expect((await listNotifications(db, "usr_ana", { limit: 10, before: bens.id })).notifications).toEqual([]);
  });
});
