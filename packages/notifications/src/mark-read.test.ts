import type { Database } from "@lotbridge/db/database";
import { openTestDatabase, type OpenTestDatabase as TestDatabase } from "@lotbridge/db/testing/open-test-database";
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

// One person's membership of the mill: "mem_ana" belongs to "mem_ana".
const recipient = (memberId: string): NotificationRecipient => ({
  userId: memberId.replace("mem_", "usr_"),
  memberId,
  organizationId: "org_mill",
  email: `${memberId.replace("mem_", "")}@mill.test`,
  name: memberId,
});

function create(memberId: string): Promise<UserNotification> {
  return db.transaction(async (tx) => {
    const [created] = await notify(tx, {
      type: "bid.received",
      recipients: [recipient(memberId)],
      title: "New bid",
      body: "",
      emailByDefault: false,
    });
    return created;
  });
}

async function storedUnread(memberId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notification)
    .where(and(eq(notification.memberId, memberId), isNull(notification.readAt)));
  return row.n;
}

describe("markRead", () => {
  it("marks the given notifications read and leaves the others unread", async () => {
    const first = await create("mem_ana");
    const second = await create("mem_ana");

    expect(await markRead(db, "mem_ana", [first.id])).toBe(1);
    expect(await markRead(db, "mem_ana", [first.id])).toBe(0);
    expect(await unreadCount(db, "mem_ana")).toBe(1);
    const [stillUnread] = await db.select().from(notification).where(eq(notification.id, second.id));
    expect(stillUnread.readAt).toBeNull();
  });

  it("cannot touch another user's notifications, by id or with all", async () => {
    const anas = [await create("mem_ana"), await create("mem_ana")];
    await create("mem_ben");

    expect(
      await markRead(
        db,
        "mem_ben",
        anas.map((n) => n.id),
      ),
    ).toBe(0);
    expect(await markRead(db, "mem_ben", "all")).toBe(1);

    expect(await unreadCount(db, "mem_ana")).toBe(2);
    expect(await storedUnread("mem_ana")).toBe(2);
    expect(await unreadCount(db, "mem_ben")).toBe(0);
  });

  it("keeps the unread count right under 20 concurrent creates and mark-reads", async () => {
    const existing = await Promise.all(Array.from({ length: 20 }, () => create("mem_ana")));

    const results = await Promise.all([
      ...Array.from({ length: 20 }, () => create("mem_ana")),
      ...existing.map((n) => markRead(db, "mem_ana", [n.id])),
      ...Array.from({ length: 20 }, () => unreadCount(db, "mem_ana")),
    ]);

    const marked = results.slice(20, 40) as number[];
    const counts = results.slice(40) as number[];
    expect(marked).toEqual(Array(20).fill(1));
    for (const seen of counts) expect(seen).toBeGreaterThanOrEqual(0);
    for (const seen of counts) expect(seen).toBeLessThanOrEqual(40);
    expect(await unreadCount(db, "mem_ana")).toBe(20);
    expect(await storedUnread("mem_ana")).toBe(20);
    expect(await markRead(db, "mem_ana", "all")).toBe(20);
    expect(await unreadCount(db, "mem_ana")).toBe(0);
  });
});
