import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { currentMember } from "@lotbridge/auth/current-member";
import { documentHashOf } from "@lotbridge/documents/contract-document";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { emailTransport } from "@lotbridge/notifications/email-transport";
import { listDevMailbox } from "@lotbridge/notifications/list-dev-mailbox";
import { notifyOrganization } from "@lotbridge/notifications/notify-organization";
import { notification, notificationPreference } from "@lotbridge/notifications/tables";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { PUT as decide } from "@/app/api/bids/[id]/route";
import { POST as submit } from "@/app/api/bids/route";
import { GET as contractDocument } from "@/app/api/contracts/[id]/document/route";
import { GET as readContract } from "@/app/api/contracts/[id]/route";
import { POST as signatures } from "@/app/api/contracts/[id]/signatures/route";
import { GET as preferences, PUT as setPreference } from "@/app/api/notifications/preferences/route";
import { POST as read } from "@/app/api/notifications/read/route";
import { GET as list } from "@/app/api/notifications/route";
import { GET as stream } from "@/app/api/notifications/stream/route";
import { contracts } from "@/domain/contracts/contract-table";
import { issueApiKey } from "@/integration/issue-api-key";
import { portal } from "@/server/portal";
import { bidInput, publishedLot } from "@/test/bids";
import { PASSWORD } from "@/test/lots";
import { DELETE as removeFromTeam } from "./[userId]/route";
import { POST as addToTeam } from "./route";

// Issue 13: Anna leaves Northfield Mills; later Riverside Grain gives her email an account. That is a new membership:
// it sees and changes nothing of what Anna had at Northfield, and Northfield's records keep the name it knew her by.

const BASE = "http://localhost:3000";
let northfield: string;
let riverside: string;
let ada: string; // Northfield's admin
let bea: string; // Riverside's admin
let annaAtNorthfield: { cookie: string; userId: string; memberId: string };
let annaAtRiverside: string;
let northfieldIds: string[];
let contractId: string;

const tell = (organizationId: string, title: string, type = "bid.received") =>
  portal().db.transaction((tx) =>
    notifyOrganization(tx, BASE, { organizationId, type, title, body: "Greenacre Farms: 100 t", emailByDefault: true }),
  );

const delivered = new Set<string>();
/** The dispatcher's part without SMTP_URL: every email waiting in the outbox lands in the development mailbox. */
async function deliverEmails() {
  const transport = emailTransport({ from: "Lotbridge <notifications@lotbridge.test>", db: portal().db });
  for (const message of await portal().db.select().from(outboxMessage).where(eq(outboxMessage.kind, "email"))) {
    if (delivered.has(message.id)) continue;
    delivered.add(message.id);
    expect((await transport.send(message, new AbortController().signal)).outcome).toBe("delivered");
  }
}

/** What the development mailbox page shows the person signed in with `cookie`. */
async function mailboxOf(cookie: string) {
  const me = await currentMember(portal().auth, portal().db, new Headers({ cookie }));
  return listDevMailbox(portal().db, me!, 50);
}

const listed = async (cookie: string, query = "") =>
  (await call(list, `${BASE}/api/notifications${query}`, { cookie })).json() as Promise<{
    notifications: { id: string; title: string }[];
    unreadCount: number;
  }>;
const markRead = async (cookie: string, body: unknown) =>
  (await call(read, `${BASE}/api/notifications/read`, { cookie, body })).json();
const stored = (ids: string[]) =>
  portal()
    .db.select({ id: notification.id, readAt: notification.readAt })
    .from(notification)
    .where(inArray(notification.id, ids))
    .orderBy(notification.id);

async function contractSignedBy(cookie: string, organizationId: string, userId: string): Promise<string> {
  const { db } = portal();
  const { key } = await issueApiKey(db, { name: "farm", platform: "producer-portal", scopes: ["bids:write"] });
  const lot = await publishedLot({ organizationId, userId, memberUserId: userId, slug: "northfield" });
  const bid = await call(submit, `${BASE}/api/bids`, {
    body: bidInput(lot.id, "porg_greenacre"),
    headers: { "x-api-key": key, "x-producer-organization": "porg_greenacre", "idempotency-key": "greenacre-1" },
  });
  const { id: bidId } = await bid.json();
  const accepted = await call(decide, `${BASE}/api/bids/${bidId}`, {
    method: "PUT",
    body: { action: "accept" },
    cookie,
    params: { id: bidId },
  });
  expect(accepted.status).toBe(200);
  const [{ id }] = await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.bidId, bidId));
  const pdf = await call(contractDocument, `${BASE}/api/contracts/${id}/document`, { cookie, params: { id } });
  const documentHash = documentHashOf(new Uint8Array(await pdf.arrayBuffer()));
  const signed = await call(signatures, `${BASE}/api/contracts/${id}/signatures`, {
    body: { documentHash },
    cookie,
    params: { id },
  });
  expect(signed.status).toBe(201);
  return id;
}

beforeAll(async () => {
  const { db, auth: betterAuth } = portal();
  const north = await createOrganizationWithUsers(db, { name: "Northfield Mills", slug: "northfield-mills" }, [
    { name: "Ada Ng", email: "ada@northfield.example", password: PASSWORD, role: "admin" },
    { name: "Anna Keller", email: "anna@northfield.example", password: PASSWORD, role: "member" },
  ]);
  northfield = north.organizationId;
  riverside = (
    await createOrganizationWithUsers(db, { name: "Riverside Grain", slug: "riverside-grain" }, [
      { name: "Bea Holt", email: "bea@riverside.example", password: PASSWORD, role: "admin" },
    ])
  ).organizationId;
  ada = await signIn(auth, BASE, "ada@northfield.example", PASSWORD);
  bea = await signIn(auth, BASE, "bea@riverside.example", PASSWORD);
  const cookie = await signIn(auth, BASE, "anna@northfield.example", PASSWORD);
  const me = await currentMember(betterAuth, db, new Headers({ cookie }));
  annaAtNorthfield = { cookie, userId: north.userIds[1], memberId: me!.memberId };

  // Anna's time at Northfield: notifications (one read), an email choice, mail, and a contract she signed.
  await tell(northfield, "Northfield: first bid");
  await tell(northfield, "Northfield: second bid");
  await tell(northfield, "Northfield: bidding closed", "lot.closed");
  const mine = await listed(cookie);
  northfieldIds = mine.notifications.map((n) => n.id);
  expect(northfieldIds).toHaveLength(3);
  await markRead(cookie, { ids: [northfieldIds[0]] });
  const off = { type: "bid.received", email: false };
  const chosen = await call(setPreference, `${BASE}/api/notifications/preferences`, {
    cookie,
    method: "PUT",
    body: off,
  });
  expect(chosen.status).toBe(200);
  await deliverEmails();
  expect((await mailboxOf(cookie)).map((mail) => mail.subject)).toHaveLength(3);
  contractId = await contractSignedBy(cookie, northfield, north.userIds[0]);

  // Ada removes Anna; Bea gives the same email an account at Riverside, under the name Anna now goes by.
  const removed = await call(removeFromTeam, `${BASE}/api/team/${annaAtNorthfield.userId}`, {
    method: "DELETE",
    cookie: ada,
    params: { userId: annaAtNorthfield.userId },
  });
  expect(removed.status).toBe(204);
  const added = await call(addToTeam, `${BASE}/api/team`, {
    cookie: bea,
    body: { name: "Anna Berg", email: "anna@northfield.example", role: "member" },
  });
  expect(added.status).toBe(201);
  annaAtRiverside = await signIn(auth, BASE, "anna@northfield.example", (await added.json()).password);
});

describe("an email removed from one organization and given an account in another", () => {
  it("lists none of the old organization's notifications, not even from an old cursor", async () => {
    expect((await listed(annaAtRiverside)).notifications).toEqual([]);
    expect((await listed(annaAtRiverside, `?before=${northfieldIds[2]}`)).notifications).toEqual([]);
  });

  it("counts none of them as unread", async () => {
    expect((await listed(annaAtRiverside)).unreadCount).toBe(0);
  });

  it("cannot mark the old organization's notifications read, by id or all at once", async () => {
    const before = await stored(northfieldIds);
    expect(before.filter((row) => row.readAt === null)).toHaveLength(2);

    expect(await markRead(annaAtRiverside, { ids: northfieldIds })).toEqual({ marked: 0, unreadCount: 0 });
    expect(await markRead(annaAtRiverside, { all: true })).toEqual({ marked: 0, unreadCount: 0 });

    expect(await stored(northfieldIds)).toEqual(before);
  });

  it("catches up on nothing of the old organization when the stream resumes from one of its ids", async () => {
    const abort = new AbortController();
    const response = await stream(
      new Request(`${BASE}/api/notifications/stream`, {
        headers: { cookie: annaAtRiverside, "last-event-id": northfieldIds[0] },
        signal: abort.signal,
      }),
      { params: Promise.resolve({}) },
    );
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = "";
    const until = async (text: string) => {
      const deadline = Date.now() + 10_000;
      while (!received.includes(text) && Date.now() < deadline) {
        const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), 500))]);
        if (chunk && !chunk.done) received += decoder.decode(chunk.value);
      }
    };
    await until(": connected");
    // Catch-up runs before any live event, so once Riverside's notification is through, catch-up has finished.
    await tell(riverside, "Riverside: live");
    await until("Riverside: live");
    abort.abort();

    const events = received.split("\n\n").filter((event) => event.includes("event: notification"));
    expect(events).toHaveLength(1);
    expect(events[0]).toContain("Riverside: live");
    expect(received).not.toContain("Northfield");
  });

  it("shows the defaults, not the old organization's email choices, and changes none of them", async () => {
    const choices = async () =>
      (await (await call(preferences, `${BASE}/api/notifications/preferences`, { cookie: annaAtRiverside })).json())
        .data as { type: string; email: boolean; isDefault: boolean }[];
    expect((await choices()).find((c) => c.type === "bid.received")).toMatchObject({ email: true, isDefault: true });

    const northfieldChoices = () =>
      portal()
        .db.select()
        .from(notificationPreference)
        .where(eq(notificationPreference.memberId, annaAtNorthfield.memberId));
    const before = await northfieldChoices();
    expect(before).toEqual([{ memberId: annaAtNorthfield.memberId, type: "bid.received", email: false }]);
    const on = { type: "bid.received", email: true };
    const set = await call(setPreference, `${BASE}/api/notifications/preferences`, {
      cookie: annaAtRiverside,
      method: "PUT",
      body: on,
    });
    expect(set.status).toBe(200);
    expect(await northfieldChoices()).toEqual(before);
  });

  it("finds none of the old organization's mail in the development mailbox", async () => {
    await tell(riverside, "Riverside: mail");
    await deliverEmails();
    const subjects = (await mailboxOf(annaAtRiverside)).map((mail) => mail.subject);
    expect(subjects.filter((subject) => !subject.startsWith("Riverside"))).toEqual([]);
    expect(subjects).toContain("Riverside: mail");
  });

  it("leaves the old organization's records with the name it knew: the contract Anna signed there", async () => {
    const response = await call(readContract, `${BASE}/api/contracts/${contractId}`, {
      cookie: ada,
      params: { id: contractId },
    });
    const contract = await response.json();
    expect(contract.signatures).toEqual([
      expect.objectContaining({ party: "buyer", signerName: "Anna Keller", signerEmail: "anna@northfield.example" }),
    ]);
  });
});

describe("the development mailbox", () => {
  it("matches the address exactly: an account named ____@northfield.example reads nobody else's mail", async () => {
    const join = async (name: string, email: string) => {
      const added = await call(addToTeam, `${BASE}/api/team`, { cookie: ada, body: { name, email, role: "member" } });
      expect(added.status).toBe(201);
      return signIn(auth, BASE, email, (await added.json()).password);
    };
    const otto = await join("Otto Lind", "otto@northfield.example");
    const wildcard = await join("Four Underscores", "____@northfield.example");
    await tell(northfield, "Northfield: to everyone");
    await deliverEmails();

    expect((await mailboxOf(otto)).map((mail) => mail.to)).toContain("Otto Lind <otto@northfield.example>");
    const seen = (await mailboxOf(wildcard)).map((mail) => mail.to);
    expect(seen).toContain("Four Underscores <____@northfield.example>");
    expect(seen.filter((to) => to !== "Four Underscores <____@northfield.example>")).toEqual([]);
  });
});
