import type { Database } from "@lotbridge/db/database";
import { openTestDatabase, type OpenTestDatabase as TestDatabase } from "@lotbridge/db/testing/open-test-database";
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

// One person's membership of the mill: "mem_ana" belongs to "mem_ana".
const recipient = (memberId: string): NotificationRecipient => ({
  userId: memberId.replace("mem_", "usr_"),
  memberId,
  organizationId: "org_mill",
  email: `${memberId.replace("mem_", "")}@mill.test`,
  name: memberId,
});

async function create(memberId: string, type: string, title: string): Promise<UserNotification> {
  const [created] = await notify(db, {
    type,
    recipients: [recipient(memberId)],
    title,
    body: "",
    emailByDefault: false,
  });
  return created;
}

describe("listNotifications", () => {
  it("pages a user's notifications newest first without repeating or skipping one", async () => {
    const titles = Array.from({ length: 7 }, (_, i) => `N${i + 1}`);
    for (const title of titles) await create("mem_ana", "bid.received", title);
    await create("mem_ben", "bid.received", "not Ana's");

    const first = await listNotifications(db, "mem_ana", { limit: 3 });
    // Created after the first page was read: it belongs to the top of the list, not to the next page.
    await create("mem_ana", "bid.received", "N8");
    const second = await listNotifications(db, "mem_ana", { limit: 3, before: first.nextBefore! });
    const third = await listNotifications(db, "mem_ana", { limit: 3, before: second.nextBefore! });

    expect(first.notifications.map((n) => n.title)).toEqual(["N7", "N6", "N5"]);
    expect(second.notifications.map((n) => n.title)).toEqual(["N4", "N3", "N2"]);
    expect(third.notifications.map((n) => n.title)).toEqual(["N1"]);
    expect(third.nextBefore).toBeNull();
  });

  it("filters by type and by unread", async () => {
    const bid = await create("mem_ana", "bid.received", "bid");
    await create("mem_ana", "contract.signed", "contract");
    const read = await create("mem_ana", "bid.received", "read bid");
    await markRead(db, "mem_ana", [read.id]);

    const bids = await listNotifications(db, "mem_ana", { type: "bid.received", limit: 10 });
    const unreadBids = await listNotifications(db, "mem_ana", { type: "bid.received", unreadOnly: true, limit: 10 });

    expect(bids.notifications.map((n) => n.title)).toEqual(["read bid", "bid"]);
    expect(unreadBids.notifications.map((n) => n.id)).toEqual([bid.id]);
  });

  it("lists nothing of the same person's earlier membership, not even from its cursor", async () => {
    const earlier = await notify(db, {
      type: "bid.received",
      recipients: [{ ...recipient("mem_ana"), memberId: "mem_ana_before", organizationId: "org_bakery" }],
      title: "the bakery's",
      body: "",
      emailByDefault: false,
    });
    await create("mem_ana", "bid.received", "the mill's");

    const listed = await listNotifications(db, "mem_ana", { limit: 10 });
    expect(listed.notifications.map((n) => n.title)).toEqual(["the mill's"]);
    expect((await listNotifications(db, "mem_ana", { limit: 10, before: earlier[0].id })).notifications).toEqual([]);
  });

  it("pages nothing from another user's cursor", async () => {
    const bens = await create("mem_ben", "bid.received", "Ben's");
    await create("mem_ana", "bid.received", "Ana's");

    expect((await listNotifications(db, "mem_ana", { limit: 10, before: bens.id })).notifications).toEqual([]);
  });
});
