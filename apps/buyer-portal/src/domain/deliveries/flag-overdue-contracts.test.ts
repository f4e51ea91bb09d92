import type { Contract } from "@lotbridge/contract/contract";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { notification } from "@lotbridge/notifications/tables";
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { POST as fulfil } from "@/app/api/contracts/[id]/fulfil/route";
import { POST as tickets } from "@/app/api/contracts/[id]/tickets/route";
import { contracts } from "@/domain/contracts/contract-table";
import { findContract } from "@/domain/contracts/find-contract";
import { integrationEvents } from "@/integration/integration-tables";
import { issueApiKey } from "@/integration/issue-api-key";
import { portal } from "@/server/portal";
import { BASE, type DeliveryParties, deliveryContract, deliveryRows, ORIGIN, ticketInput } from "@/test/deliveries";
import { buyerOrganization, PASSWORD, PUBLIC_URL } from "@/test/lots";
import { flagOverdueContracts } from "./flag-overdue-contracts";

// Every contract of this file is delivered from 1 to 30 September 2027 (the lots' default window), a UTC day.
const LAST_MOMENT_OF_WINDOW = new Date("2027-09-30T23:59:59.999Z");
const FIRST_DAY_AFTER = new Date("2027-10-01T00:00:00.000Z");

let parties: DeliveryParties;

beforeAll(async () => {
  const buyer = await buyerOrganization("Overdue Mill");
  const platformKey = (
    await issueApiKey(portal().db, {
      name: "producers",
      platform: "producer-portal",
      scopes: ["bids:write", "contracts:write"],
    })
  ).key;
  parties = { buyer, buyerCookie: await signIn(auth, ORIGIN, `member@${buyer.slug}.example`, PASSWORD), platformKey };
});

async function recordLoad(id: string) {
  const response = await call(tickets, `${BASE}/contracts/${id}/tickets`, {
    body: ticketInput(),
    params: { id },
    cookie: parties.buyerCookie,
  });
  expect(response.status).toBe(201);
}

const reader = () => ({ party: "buyer" as const, organizationId: parties.buyer.organizationId });
const read = (id: string) => findContract(portal().db, reader(), id);

/** The events sent about one contract that announce it overdue: `contract.updated` with an `overdue` entry last. */
async function overdueEventsOf(contractId: string) {
  const rows = await portal().db.select().from(integrationEvents).orderBy(asc(integrationEvents.seq));
  return rows
    .map((row) => row.envelope as { type: string; data: Contract })
    .filter((envelope) => envelope.data.id === contractId && envelope.data.delivery.entries.at(-1)?.kind === "overdue");
}

async function overdueNoticesOf(userId: string) {
  return portal()
    .db.select()
    .from(notification)
    .where(and(eq(notification.recipientUserId, userId), eq(notification.type, "contract.overdue")))
    .orderBy(asc(notification.createdAt));
}

describe("flagging overdue contracts", () => {
  it("flags every contract still open for deliveries once, from the first UTC day after its window, and tells the buyer once", async () => {
    const active = await deliveryContract(parties, "porg_overdue_active");
    const delivering = await deliveryContract(parties, "porg_overdue_delivering");
    await recordLoad(delivering.id);
    const fulfilled = await deliveryContract(parties, "porg_overdue_fulfilled");
    for (let load = 0; load < 4; load++) await recordLoad(fulfilled.id);
    const ended = await call(fulfil, `${BASE}/contracts/${fulfilled.id}/fulfil`, {
      body: {},
      params: { id: fulfilled.id },
      cookie: parties.buyerCookie,
    });
    expect(ended.status).toBe(200);
    const unsigned = await deliveryContract(parties, "porg_overdue_unsigned", { status: "pending_signature" });
    const cancelled = await deliveryContract(parties, "porg_overdue_cancelled", { status: "cancelled" });
    const before = await deliveryRows(active.id);
    const versionBefore = (await read(delivering.id)).version;

    // On the window's last day, to its last millisecond, nothing is overdue.
    expect(await flagOverdueContracts(portal().db, LAST_MOMENT_OF_WINDOW, { publicUrl: PUBLIC_URL })).toEqual([]);
    expect(await deliveryRows(active.id)).toEqual(before);

    const flagged = await flagOverdueContracts(portal().db, FIRST_DAY_AFTER, { publicUrl: PUBLIC_URL });
    expect(flagged.map((contract) => contract.id).sort()).toEqual([active.id, delivering.id].sort());

    const overdue = await read(delivering.id);
    expect(overdue.status).toBe("in_delivery");
    expect(overdue.version).toBe(versionBefore + 1);
    expect(overdue.delivery.overdueSince).toBe(FIRST_DAY_AFTER.toISOString());
    expect(overdue.delivery.entries.at(-1)).toEqual({
      at: FIRST_DAY_AFTER.toISOString(),
      kind: "overdue",
      by: { party: "system", name: "Lotbridge" },
      dispatchId: null,
      ticketId: null,
      accepted: "24.180",
      value: overdue.delivery.ledger.value,
      text: "Delivery window ended on 30 Sep 2027 with 75.82 t still to deliver",
    });
    expect(flagged.find((contract) => contract.id === delivering.id)).toEqual(overdue);
    expect((await read(active.id)).delivery.entries.at(-1)?.text).toBe(
      "Delivery window ended on 30 Sep 2027 with 100 t still to deliver",
    );
    for (const untouched of [fulfilled, unsigned, cancelled]) {
      const [row] = await portal().db.select().from(contracts).where(eq(contracts.id, untouched.id));
      expect(row.overdueSince).toBeNull();
      expect((await read(untouched.id)).delivery.entries.map((entry) => entry.kind)).not.toContain("overdue");
      expect(await overdueEventsOf(untouched.id)).toEqual([]);
    }
    const events = await overdueEventsOf(delivering.id);
    expect(events.map((event) => event.type)).toEqual(["contract.updated"]);
    expect(events[0].data).toEqual(overdue);

    // Each member of the buyer organization (its admin and its member) is told once per contract.
    for (const userId of [parties.buyer.userId, parties.buyer.memberUserId]) {
      const notices = await overdueNoticesOf(userId);
      expect(notices.map((notice) => notice.link).sort()).toEqual(
        [`/contracts/${active.id}`, `/contracts/${delivering.id}`].sort(),
      );
      const told = notices.find((notice) => notice.link === `/contracts/${delivering.id}`);
      expect(told?.title).toBe(`Contract ${delivering.number} is overdue`);
      expect(told?.body).toContain(
        "ended on 30 Sep 2027 with 24.18 t of 100 t accepted from Farm porg_overdue_delivering",
      );
    }

    // Later runs, on that day or any after, find nothing more to flag and say nothing again.
    const afterFlagging = await deliveryRows(delivering.id);
    expect(
      await flagOverdueContracts(portal().db, new Date("2027-10-01T00:01:00Z"), { publicUrl: PUBLIC_URL }),
    ).toEqual([]);
    expect(
      await flagOverdueContracts(portal().db, new Date("2028-01-01T00:00:00Z"), { publicUrl: PUBLIC_URL }),
    ).toEqual([]);
    expect(await deliveryRows(delivering.id)).toEqual(afterFlagging);
    expect(await overdueEventsOf(delivering.id)).toHaveLength(1);
  });

  it("flags each contract once when two runs race (two portal processes)", async () => {
    const first = await deliveryContract(parties, "porg_overdue_race_1");
    const second = await deliveryContract(parties, "porg_overdue_race_2");
    const third = await deliveryContract(parties, "porg_overdue_race_3");
    const now = new Date("2027-10-02T08:00:00Z");
    const runs = await Promise.all([
      flagOverdueContracts(portal().db, now, { publicUrl: PUBLIC_URL }),
      flagOverdueContracts(portal().db, now, { publicUrl: PUBLIC_URL }),
    ]);
    const ids = runs.flat().map((contract) => contract.id);
    expect(ids.sort()).toEqual([first.id, second.id, third.id].sort());
    for (const contract of [first, second, third]) {
      expect(await overdueEventsOf(contract.id)).toHaveLength(1);
      const entries = (await read(contract.id)).delivery.entries.filter((entry) => entry.kind === "overdue");
      expect(entries).toHaveLength(1);
      expect(
        (await overdueNoticesOf(parties.buyer.memberUserId)).filter((n) => n.link === `/contracts/${contract.id}`),
      ).toHaveLength(1);
    }
  });
});
