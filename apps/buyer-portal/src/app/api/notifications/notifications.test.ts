import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { notifyOrganization } from "@lotbridge/notifications/notify-organization";
import { notification } from "@lotbridge/notifications/tables";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { portal } from "@/server/portal";
import { POST as auth } from "../auth/[...all]/route";
import { GET as preferences, PUT as setPreference } from "./preferences/route";
import { POST as read } from "./read/route";
import { GET as list } from "./route";
import { GET as stream } from "./stream/route";
import { POST as sendTest } from "./test/route";

const BASE = "http://localhost:3000";
const PASSWORD = "correct-horse-battery";
let ann: string;
let amy: string;
let bob: string;
let millA: string;
let millB: string;

beforeAll(async () => {
  const { db } = portal();
  millA = (
    await createOrganizationWithUsers(db, { name: "Mill A", slug: "mill-a" }, [
      { name: "Ann", email: "ann@a.example", password: PASSWORD, role: "admin" },
      { name: "Amy", email: "amy@a.example", password: PASSWORD, role: "member" },
    ])
  ).organizationId;
  millB = (
    await createOrganizationWithUsers(db, { name: "Mill B", slug: "mill-b" }, [
      { name: "Bob", email: "bob@b.example", password: PASSWORD, role: "admin" },
    ])
  ).organizationId;
  [ann, amy, bob] = await Promise.all(
    ["ann@a.example", "amy@a.example", "bob@b.example"].map((email) => signIn(auth, BASE, email, PASSWORD)),
  );
});

const tell = (organizationId: string, title: string) =>
  portal().db.transaction((tx) =>
    notifyOrganization(tx, "http://localhost:3000", {
      organizationId,
      type: "bid.received",
      title,
      body: "Greenacre Farms: 100 t at 231.00 EUR",
      link: "/lots/lot_x",
      facts: [["Volume", "100 t"]],
      emailByDefault: true,
    }),
  );

const titles = async (cookie: string) =>
  ((await (await call(list, `${BASE}/api/notifications`, { cookie })).json()).notifications as { title: string }[]).map(
    (n) => n.title,
  );

describe("the notification center API", () => {
  it("shows each user their own notifications only, never another organization's", async () => {
    await tell(millA, "New bid received on LOT A");
    await tell(millB, "New bid received on LOT B");
    expect(await titles(ann)).toContain("New bid received on LOT A");
    expect(await titles(amy)).toContain("New bid received on LOT A");
    expect(await titles(ann)).not.toContain("New bid received on LOT B");
    expect(await titles(bob)).toEqual(["New bid received on LOT B"]);
    expect((await call(list, `${BASE}/api/notifications`)).status).toBe(401);
  });

  it("marks read only the caller's own notifications, and counts unread correctly", async () => {
    await tell(millA, "Mark me");
    const annsView = await (await call(list, `${BASE}/api/notifications`, { cookie: ann })).json();
    const forAnn = annsView.notifications.find((n: { title: string }) => n.title === "Mark me");
    const bobsView = await (await call(list, `${BASE}/api/notifications?unread=true`, { cookie: bob })).json();
    // Bob names Ann's notification: nothing of Ann's changes.
    const attempt = await (
      await call(read, `${BASE}/api/notifications/read`, { cookie: bob, body: { ids: [forAnn.id] } })
    ).json();
    expect(attempt.marked).toBe(0);
    expect(attempt.unreadCount).toBe(bobsView.unreadCount);
    const [row] = await portal().db.select().from(notification).where(eq(notification.id, forAnn.id));
    expect(row.readAt).toBeNull();
    const before = (await (await call(list, `${BASE}/api/notifications`, { cookie: ann })).json()).unreadCount;
    const own = await (
      await call(read, `${BASE}/api/notifications/read`, { cookie: ann, body: { ids: [forAnn.id] } })
    ).json();
    expect(own).toEqual({ marked: 1, unreadCount: before - 1 });
    const all = await (await call(read, `${BASE}/api/notifications/read`, { cookie: ann, body: { all: true } })).json();
    expect(all.unreadCount).toBe(0);
  });

  it("emails by default, and not after the user turns that email off; in-app always", async () => {
    const { db } = portal();
    const emails = (to: string) =>
      db
        .select()
        .from(outboxMessage)
        .where(and(eq(outboxMessage.kind, "email"), eq(outboxMessage.eventType, "bid.received")))
        .then((rows) => rows.filter((r) => JSON.stringify(r.payload).includes(to)).length);
    const before = [await emails("ann@a.example"), await emails("amy@a.example")];
    const off = await call(setPreference, `${BASE}/api/notifications/preferences`, {
      cookie: amy,
      method: "PUT",
      body: { type: "bid.received", email: false },
    });
    expect(off.status).toBe(200);
    await tell(millA, "Another bid");
    expect([await emails("ann@a.example"), await emails("amy@a.example")]).toEqual([before[0] + 1, before[1]]);
    expect(await titles(amy)).toContain("Another bid");
    const listed = await (await call(preferences, `${BASE}/api/notifications/preferences`, { cookie: amy })).json();
    expect(listed.data).toContainEqual(expect.objectContaining({ type: "bid.received", email: false }));
    expect(listed.data).toContainEqual(expect.objectContaining({ type: "lot.published", email: false }));
  });

  it("refuses a preference for a type that does not exist, storing nothing", async () => {
    const response = await call(setPreference, `${BASE}/api/notifications/preferences`, {
      cookie: ann,
      method: "PUT",
      body: { type: "everything", email: true },
    });
    expect(response.status).toBe(422);
    expect((await response.json()).errors[0].field).toBe("type");
  });

  it("sends a test notification to the caller alone", async () => {
    const response = await call(sendTest, `${BASE}/api/notifications/test`, { cookie: ann, body: {} });
    expect(response.status).toBe(201);
    expect(await titles(ann)).toContain("Test notification");
    expect(await titles(amy)).not.toContain("Test notification");
  });

  it("streams only the caller's new notifications as Server-Sent Events", async () => {
    const abort = new AbortController();
    const request = new Request(`${BASE}/api/notifications/stream`, { headers: { cookie: bob }, signal: abort.signal });
    const response = await stream(request, { params: Promise.resolve({}) });
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const reader = response.body!.getReader();
    let received = "";
    const decoder = new TextDecoder();
    const until = async (text: string) => {
      const deadline = Date.now() + 10_000;
      while (!received.includes(text) && Date.now() < deadline) {
        const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), 500))]);
        if (chunk && !chunk.done) received += decoder.decode(chunk.value);
      }
    };
    await until(":"); // connected (first heartbeat or comment)
    await tell(millA, "For Mill A only");
    await tell(millB, "For Bob live");
    await until("For Bob live");
    abort.abort();
    expect(received).toContain("event: notification");
    expect(received).toContain("For Bob live");
    expect(received).not.toContain("For Mill A only");
  });
});
