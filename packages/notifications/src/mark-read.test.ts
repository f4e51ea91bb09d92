import { openTestDatabase, type OpenTestDatabase as TestDatabase } from "@lotbridge/db/open-test-database";
import type { Database } from "@lotbridge/webhooks/database";
import { and, count, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { markRead } from "./mark-read";
import { type NotificationRecipient, notify } from "./notify";
import { notification, type UserNotification } from "./tables";
import { unreadCount } from "./unread-count";

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

function create(userId: string): Promise<UserNotification> {
  return db.transaction(async (tx) => {
    const [created] = await notify(tx, {
      type: "bid.received",
      recipients: [recipient(userId)],
      title: "New bid",
      body: "",
      emailByDefault: false,
    });
    return created;
  });
}

async function storedUnread(userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notification)
    .where(and(eq(notification.recipientUserId, userId), isNull(notification.readAt)));
  return row.n;
}

describe("markRead", () => {
  it("marks the given notifications read and leaves the others unread", async () => {
    const first = await create("usr_ana");
    const second = await create("usr_ana");

    expect(await markRead(db, "usr_ana", [first.id])).toBe(1);
    expect(await markRead(db, "usr_ana", [first.id])).toBe(0);
    expect(await unreadCount(db, "usr_ana")).toBe(1);
    const [stillUnread] = await db.select().from(notification).where(eq(notification.id, second.id));
    expect(stillUnread.readAt).toBeNull();
  });

  it("cannot touch another user's notifications, by id or with all", async () => {
    const anas = [await create("usr_ana"), await create("usr_ana")];
    await create("usr_ben");

    expect(
      await markRead(
        db,
        "usr_ben",
        anas.map((n) => n.id),
      ),
    ).toBe(0);
    expect(await markRead(db, "usr_ben", "all")).toBe(1);

    expect(await unreadCount(db, "usr_ana")).toBe(2);
    expect(await storedUnread("usr_ana")).toBe(2);
    expect(await unreadCount(db, "usr_ben")).toBe(0);
  });

  it("keeps the unread count right under 20 concurrent creates and mark-reads", async () => {
    const existing = await Promise.all(Array.from({ length: 20 }, () => create("usr_ana")));

    const results = await Promise.all([
      ...Array.from({ length: 20 }, () => create("usr_ana")),
      ...existing.map((n) => markRead(db, "usr_ana", [n.id])),
      ...Array.from({ length: 20 }, () => unreadCount(db, "usr_ana")),
    ]);

    const marked = results.slice(20, 40) as number[];
    const counts = results.slice(40) as number[];
    expect(marked).toEqual(Array(20).fill(1));
    for (const seen of counts) expect(seen).toBeGreaterThanOrEqual(0);
    for (const seen of counts) expect(seen).toBeLessThanOrEqual(40);
    expect(await unreadCount(db, "usr_ana")).toBe(20);
    expect(await storedUnread("usr_ana")).toBe(20);
    expect(await markRead(db, "usr_ana", "all")).toBe(20);
    expect(await unreadCount(db, "usr_ana")).toBe(0);
  });
});
