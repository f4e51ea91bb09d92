import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import type { Contract } from "@lotbridge/contract/contract";
import { notification } from "@lotbridge/notifications/tables";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findOrganizationContract } from "@/domain/contracts/find-organization-contract";
import { listOrganizationContracts } from "@/domain/contracts/list-organization-contracts";
import { producerContracts } from "@/domain/contracts/producer-contract-table";
import { handleBuyerEvent } from "@/integration/handle-buyer-event";
import { portal } from "@/server/portal";
import {
  activeContractSnapshot,
  buyerEvent,
  deliveredContract,
  dispatchSnapshot,
  holdBidOfContract,
  ticketSnapshot,
} from "@/test/negotiation-snapshots";

const CONTEXT = { publicUrl: "http://localhost:3001" };
let organizationId: string;
let active: Contract;

type ContractEvent =
  | "contract.updated"
  | "delivery.dispatched"
  | "delivery.received"
  | "delivery.corrected"
  | "contract.fulfilled"
  | "contract.closed_short";
const receive = (type: ContractEvent, contract: Contract) =>
  portal().db.transaction((tx) => handleBuyerEvent(tx, buyerEvent(type, contract), CONTEXT));
const held = async (id = active.id) =>
  (await portal().db.select().from(producerContracts).where(eq(producerContracts.id, id)))[0];
const notices = async () =>
  (
    await portal()
      .db.select()
      .from(notification)
      .where(eq(notification.organizationId, organizationId))
      .orderBy(asc(notification.createdAt), asc(notification.id))
  ).map(({ type, title }) => ({ type, title }));
const emails = (type: string) =>
  portal().db.$count(outboxMessage, and(eq(outboxMessage.kind, "email"), eq(outboxMessage.eventType, type)));

/** A load of 24.18 t (38.5 gross, 14.32 tare), accepted, quality in spec. */
const w1042 = { number: "W-1042", grossWeight: "38.500", tareWeight: "14.320" };
const inSpec = [
  { name: "Moisture", value: "13.9" },
  { name: "Protein", value: "12.8" },
];

beforeAll(async () => {
  ({ organizationId } = await createOrganizationWithUsers(
    portal().db,
    { name: "Greenacre", slug: "greenacre-deliveries" },
    [{ name: "Piet", email: "piet@greenacre-deliveries.example", password: "correct-horse-battery", role: "member" }],
  ));
});

beforeEach(async () => {
  const { db } = portal();
  await db.delete(producerContracts);
  active = activeContractSnapshot(organizationId);
  await holdBidOfContract(active);
  await receive("contract.updated", active);
  await db.delete(notification);
  await db.delete(outboxMessage);
});

describe("delivery events from the buyer portal", () => {
  it("delivery.dispatched keeps the contract in delivery with the load as an expected arrival, telling nobody", async () => {
    const dispatched = deliveredContract(active, { dispatches: [dispatchSnapshot()] });
    expect(await receive("delivery.dispatched", dispatched)).toBe("applied");
    expect(await held()).toMatchObject({ status: "in_delivery", version: 4, snapshot: dispatched });
    expect(await notices()).toEqual([]);
  });

  it("a load received is told once, in the app and by email, however often the event arrives", async () => {
    const received = deliveredContract(active, {
      tickets: [ticketSnapshot(active, { ...w1042, measurements: inSpec })],
    });
    await receive("delivery.received", received);
    await receive("delivery.received", received);
    expect(await held()).toMatchObject({ version: 4, snapshot: received });
    expect(await notices()).toEqual([{ type: "delivery.received", title: "Load W-1042 received: 24.18 t accepted" }]);
    expect(await emails("delivery.received")).toBe(1);
    const [told] = await portal().db.select().from(notification).where(eq(notification.organizationId, organizationId));
    expect(told.body).toContain("net 24.18 t (gross 38.5 t, tare 14.32 t)");
    expect(told.body).toContain("Value EUR 5,706.48.");
    expect(told.link).toBe(`/contracts/${active.id}`);
  });

  it("a load out of spec, discounted, is told as received and as out of spec, naming the values", async () => {
    const ticket = ticketSnapshot(active, {
      ...w1042,
      measurements: [
        { name: "Moisture", value: "15.2" },
        { name: "Protein", value: "11.9" },
        { name: "Test weight", value: "78" },
      ],
      decision: "accept_with_discount",
      discountKind: "per_unit",
      discountAmount: "5.00",
    });
    await receive("delivery.received", deliveredContract(active, { tickets: [ticket] }));
    expect(await notices()).toEqual([
      {
        type: "delivery.received",
        title: "Load W-1042 received: 24.18 t accepted with a discount of EUR 120.90 (EUR 5.00 / t)",
      },
      {
        type: "delivery.out_of_spec",
        title: "Load W-1042 is out of spec: Moisture 15.2 % (at most 14.5 %), Protein 11.9 % (at least 12.5 %)",
      },
    ]);
    expect(await emails("delivery.out_of_spec")).toBe(1);
  });

  it("a rejected load is told with the buyer's reason", async () => {
    const ticket = ticketSnapshot(active, {
      ...w1042,
      measurements: [{ name: "Moisture", value: "17" }],
      decision: "reject",
      rejectionReason: "Too wet to store",
    });
    await receive("delivery.received", deliveredContract(active, { tickets: [ticket] }));
    expect((await notices()).map((n) => n.title)).toEqual([
      "Load W-1042 was rejected: Too wet to store",
      "Load W-1042 is out of spec: Moisture 17 % (at most 14.5 %)",
    ]);
  });

  it("a corrected ticket is told with its reason; an older version arriving after it changes nothing", async () => {
    const first = deliveredContract(active, { tickets: [ticketSnapshot(active, { ...w1042, measurements: inSpec })] });
    const corrected = deliveredContract(first, {
      tickets: [
        ticketSnapshot(
          active,
          { ...w1042, measurements: inSpec },
          { ...w1042, tareWeight: "14.020", measurements: inSpec, correctionReason: "Tare re-weighed" },
        ),
      ],
    });
    await receive("delivery.received", first);
    await receive("delivery.corrected", corrected);
    await receive("delivery.received", first);
    await receive("delivery.corrected", corrected);
    expect(await held()).toMatchObject({ version: 5, snapshot: corrected });
    expect(await notices()).toEqual([
      { type: "delivery.received", title: "Load W-1042 received: 24.18 t accepted" },
      { type: "delivery.corrected", title: "Ticket W-1042 corrected (v2): Tare re-weighed" },
    ]);
    const [, told] = await portal()
      .db.select()
      .from(notification)
      .where(eq(notification.organizationId, organizationId))
      .orderBy(asc(notification.createdAt), asc(notification.id));
    expect(told.body).toContain("Now 24.48 t accepted; before 24.18 t accepted.");
  });

  it("a correction that leaves the load out of spec is told as such; one that does not, only as corrected", async () => {
    const wet = [{ name: "Moisture", value: "15.2" }];
    const first = deliveredContract(active, { tickets: [ticketSnapshot(active, { ...w1042, measurements: wet })] });
    const weightOnly = deliveredContract(first, {
      tickets: [
        ticketSnapshot(active, { ...w1042, measurements: wet }, { ...w1042, measurements: wet, tareWeight: "14" }),
      ],
    });
    const wetter = [{ name: "Moisture", value: "15.9" }];
    const remeasured = deliveredContract(weightOnly, {
      tickets: [
        ticketSnapshot(
          active,
          { ...w1042, measurements: wet },
          { ...w1042, measurements: wet, tareWeight: "14" },
          { ...w1042, measurements: wetter, tareWeight: "14", correctionReason: "Sample re-tested" },
        ),
      ],
    });
    await receive("delivery.received", first);
    await receive("delivery.corrected", weightOnly);
    await receive("delivery.corrected", remeasured);
    expect((await notices()).map((n) => n.type)).toEqual([
      "delivery.received",
      "delivery.out_of_spec",
      "delivery.corrected",
      "delivery.corrected",
      "delivery.out_of_spec",
    ]);
    expect((await notices()).at(-1)?.title).toBe("Load W-1042 is out of spec: Moisture 15.9 % (at most 14.5 %)");
  });

  it("two loads in one newer snapshot (an event missed in between) are each told once", async () => {
    const two = deliveredContract(active, {
      tickets: [
        ticketSnapshot(active, { ...w1042, measurements: inSpec }),
        ticketSnapshot(active, { number: "W-1043", grossWeight: "40", tareWeight: "14", measurements: inSpec }),
      ],
    });
    await receive("delivery.received", two);
    expect((await notices()).map((n) => n.title)).toEqual([
      "Load W-1042 received: 24.18 t accepted",
      "Load W-1043 received: 26 t accepted",
    ]);
  });

  it("fulfilled and closed short are told once each, closed short with the buyer's reason", async () => {
    const delivered = deliveredContract(active, {
      tickets: [ticketSnapshot(active, { number: "W-1", grossWeight: "94", tareWeight: "14" })],
    });
    const fulfilled: Contract = {
      ...delivered,
      status: "fulfilled",
      statusHistory: [
        ...delivered.statusHistory,
        { status: "fulfilled", at: "2027-09-30T12:00:00.000Z", reason: null },
      ],
      version: delivered.version + 1,
    };
    await receive("delivery.received", delivered);
    await receive("contract.fulfilled", fulfilled);
    await receive("contract.fulfilled", fulfilled);
    expect((await notices()).map((n) => n.type)).toEqual(["delivery.received", "contract.fulfilled"]);
    expect((await notices()).at(-1)?.title).toBe(`Contract ${active.number} is fulfilled`);
    expect(await emails("contract.fulfilled")).toBe(1);

    await portal().db.delete(notification);
    const other = activeContractSnapshot(organizationId);
    await holdBidOfContract(other);
    const short = deliveredContract(other, {
      tickets: [ticketSnapshot(other, { number: "W-2", grossWeight: "54", tareWeight: "14" })],
    });
    const closed: Contract = {
      ...short,
      status: "closed_short",
      statusHistory: [
        ...short.statusHistory,
        { status: "closed_short", at: "2027-10-02T12:00:00.000Z", reason: "Harvest failed after hail" },
      ],
      version: short.version + 1,
    };
    await receive("contract.closed_short", closed);
    await receive("contract.closed_short", closed);
    expect(await notices()).toEqual([
      { type: "delivery.received", title: "Load W-2 received: 40 t accepted" },
      { type: "contract.closed_short", title: `Contract ${other.number} was closed short: Harvest failed after hail` },
    ]);
    expect(await held(other.id)).toMatchObject({ status: "closed_short" });
  });

  it("overdue is told once, when the first snapshot carrying overdueSince is applied", async () => {
    const overdue = deliveredContract(active, { overdueSince: "2027-10-01T00:01:00.000Z" }, { status: "active" });
    const later = deliveredContract(overdue, {
      tickets: [ticketSnapshot(active, { ...w1042, measurements: inSpec })],
    });
    await receive("contract.updated", overdue);
    await receive("contract.updated", overdue);
    await receive("delivery.received", later);
    expect(await notices()).toEqual([
      {
        type: "contract.overdue",
        title: `Contract ${active.number} is overdue: the delivery window ended 30 Sep 2027`,
      },
      { type: "delivery.received", title: "Load W-1042 received: 24.18 t accepted" },
    ]);
  });

  it("a delivery event about a contract on a bid this portal did not place is refused and stores nothing", async () => {
    const foreign = activeContractSnapshot(organizationId);
    const received = deliveredContract(foreign, { tickets: [ticketSnapshot(foreign, w1042)] });
    expect(await receive("delivery.received", received)).toEqual({
      refused: `Contract ${foreign.id} is on bid ${foreign.bidId}, which was not placed from this portal.`,
    });
    expect(await held(foreign.id)).toBeUndefined();
    expect(await notices()).toEqual([]);
  });
});

describe("replicas and events from before deliveries existed", () => {
  /** The snapshot as it was stored before this change: no delivery terms, no delivery section. */
  function old(contract: Contract) {
    const { delivery: _, terms, ...rest } = contract;
    const { tolerance: __, qualityParameters: ___, ...oldTerms } = terms;
    return { ...rest, terms: oldTerms };
  }

  it("an old replica reads as ±0 %, no parameters and nothing delivered; its first load is told", async () => {
    await portal()
      .db.update(producerContracts)
      .set({ snapshot: old(active) as unknown as Contract })
      .where(eq(producerContracts.id, active.id));
    const found = await findOrganizationContract(portal().db, organizationId, active.id);
    expect(found.snapshot.terms.tolerance).toEqual({ percent: "0", option: "seller", beyond: "refuse" });
    expect(found.snapshot.terms.qualityParameters).toEqual([]);
    expect(found.snapshot.delivery).toEqual({
      dispatches: [],
      tickets: [],
      ledger: {
        volume: "80.000",
        minimum: "80.000",
        maximum: "80.000",
        accepted: "0.000",
        remaining: "80.000",
        rejected: "0.000",
        withinTolerance: false,
        overTolerance: false,
        value: "0.00",
        discounts: "0.00",
        loads: 0,
        outOfSpecLoads: 0,
      },
      entries: [],
      overdueSince: null,
      settlement: null,
    });
    const [listed] = await listOrganizationContracts(portal().db, organizationId);
    expect(listed.snapshot.delivery.ledger.remaining).toBe("80.000");

    await receive("delivery.received", deliveredContract(active, { tickets: [ticketSnapshot(active, w1042)] }));
    expect((await notices()).map((n) => n.type)).toEqual(["delivery.received"]);
  });

  it("an old contract event without a delivery section is applied, as nothing delivered yet", async () => {
    const signedEarlier = { ...old(active), version: 4 };
    expect(await receive("contract.updated", signedEarlier as unknown as Contract)).toBe("applied");
    const { snapshot } = await held();
    expect(snapshot.version).toBe(4);
    expect(snapshot.delivery.tickets).toEqual([]);
    expect(snapshot.terms.tolerance.percent).toBe("0");
  });
});
