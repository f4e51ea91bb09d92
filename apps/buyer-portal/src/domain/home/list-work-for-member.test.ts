import { grantOperator } from "@lotbridge/auth/grant-operator";
import { member } from "@lotbridge/auth/tables";
import { bidSubmissionSchema } from "@lotbridge/contract/bid-submission";
import { ticketCorrectionSchema, ticketInputSchema } from "@lotbridge/contract/delivery";
import { newId } from "@lotbridge/db/new-id";
import { documentHashOf, renderContractDocument } from "@lotbridge/documents/contract-document";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { counterBack, counterBid } from "@/domain/bids/counter-bid";
import { decideBid } from "@/domain/bids/decide-bid";
import { submitBid } from "@/domain/bids/submit-bid";
import { withdrawBid } from "@/domain/bids/withdraw-bid";
import { contracts } from "@/domain/contracts/contract-table";
import { findContract } from "@/domain/contracts/find-contract";
import { signContract } from "@/domain/contracts/sign-contract";
import { correctTicket } from "@/domain/deliveries/correct-ticket";
import { flagOverdueContracts } from "@/domain/deliveries/flag-overdue-contracts";
import { fulfilContract } from "@/domain/deliveries/fulfil-contract";
import { receiveDispatch } from "@/domain/deliveries/receive-dispatch";
import { recordTicket } from "@/domain/deliveries/record-ticket";
import { issueApiKey } from "@/integration/issue-api-key";
import { portal } from "@/server/portal";
import { bidInput, publishedLot } from "@/test/bids";
import { buyerOrganization, draftLot, PUBLIC_URL } from "@/test/lots";
import { listWorkForMember, type MemberWork } from "./list-work-for-member";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const change = { publicUrl: PUBLIC_URL };
type Buyer = Awaited<ReturnType<typeof buyerOrganization>>;

let platform: { apiKeyId: string; platform: string };
let mill: Buyer;
let neighbour: Buyer;

beforeAll(async () => {
  const issued = await issueApiKey(portal().db, { name: "bids", platform: "producer-portal", scopes: ["bids:write"] });
  platform = { apiKeyId: issued.id, platform: "producer-portal" };
  mill = await buyerOrganization("Busy Mill");
  neighbour = await buyerOrganization("Quiet Mill");
});

const place = (lotId: string, organizationId: string, terms: Record<string, unknown> = {}, now?: Date) =>
  submitBid(portal().db, platform, bidSubmissionSchema.parse(bidInput(lotId, organizationId, terms)), {
    ...change,
    now,
  });
const counterTerms = (terms: Record<string, string> = {}) => ({
  volume: "100",
  pricePerUnit: "239.00",
  deliveryTerms: "DAP Hamburg, October",
  message: "",
  expiresAt: new Date(Date.now() + 2 * DAY).toISOString(),
  ...terms,
});

async function membershipOf(userId: string): Promise<string> {
  const [row] = await portal().db.select({ id: member.id }).from(member).where(eq(member.userId, userId));
  return row.id;
}

const workOf = async (buyer: Buyer, userId = buyer.userId): Promise<MemberWork> =>
  listWorkForMember(portal().db, { organizationId: buyer.organizationId, memberId: await membershipOf(userId) });

/** Signs a contract for both parties: the producer's (via the platform) and the buyer's. Active afterwards. */
async function signedByBoth(buyer: Buyer, contractId: string, producerOrganizationId: string) {
  const { db } = portal();
  const parties = [
    { reader: { party: "producer" as const, caller: { ...platform, organizationId: producerOrganizationId } } },
    { reader: { party: "buyer" as const, organizationId: buyer.organizationId } },
  ];
  for (const { reader } of parties) {
    const contract = await findContract(db, reader, contractId);
    await signContract(
      db,
      { reader, name: "Signer", email: "signer@example.com" },
      contractId,
      documentHashOf(await renderContractDocument(contract)),
      change,
    );
  }
}

/** An active contract of `buyer` with producer `producerOrganizationId` for `volume` t of wheat, ±5 %, ending `deliveryEnd`. */
async function activeContract(
  buyer: Buyer,
  producerOrganizationId: string,
  volume: string,
  deliveryEnd = "2027-09-30",
) {
  const { db } = portal();
  const lot = await publishedLot(buyer, {
    volume: "1000",
    minBidVolume: "1",
    deliveryEnd,
    tolerance: { percent: "5", option: "seller", beyond: "refuse" },
    qualityParameters: [{ name: "Protein", unit: "%", min: "12.5", max: null }],
  });
  const bid = await place(lot.id, producerOrganizationId, { volume });
  await decideBid(db, buyer.organizationId, bid.id, { action: "accept" }, change);
  const [row] = await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.bidId, bid.id));
  await signedByBoth(buyer, row.id, producerOrganizationId);
  return row.id;
}

const dayOffset = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

let ticketSerial = 0;
/** A ticket of `net` t (gross − 10 t tare), in spec, accepted unless `decision` says otherwise. */
const ticket = (net: string, change: Record<string, unknown> = {}) =>
  ticketInputSchema.parse({
    ticketNumber: `H-${++ticketSerial}`,
    receivedAt: new Date().toISOString(),
    grossWeight: (Number(net) + 10).toFixed(3),
    tareWeight: "10",
    measurements: [{ name: "Protein", value: "13.1", unit: "%" }],
    decision: "accept",
    ...change,
  });

const counts = (work: MemberWork) => ({
  bidsAwaitingDecision: work.bidsAwaitingDecision.count,
  countersAnswered: work.countersAnswered.count,
  contractsToSign: work.contractsToSign.count,
  lotsClosingSoon: work.lotsClosingSoon.count,
});

describe("listWorkForMember", () => {
  it("counts the organization's bids by whose turn it is, its unsigned contracts and lots closing within 48 h; a neighbour sees none of it", async () => {
    const { db } = portal();
    const lot = await publishedLot(mill, { volume: "1000" });
    // Two new bids wait for a decision.
    const first = await place(lot.id, "porg_one", { pricePerUnit: "241.00" });
    const second = await place(lot.id, "porg_two", { pricePerUnit: "238.50" });
    // Countered by the buyer: the producer's turn, not the buyer's.
    const countered = await place(lot.id, "porg_three");
    await counterBid(db, mill.organizationId, countered.id, counterTerms(), change);
    // Countered, then countered back by the producer: the buyer's turn again.
    const answered = await place(lot.id, "porg_four");
    await counterBid(db, mill.organizationId, answered.id, counterTerms(), change);
    await counterBack(
      db,
      { ...platform, organizationId: "porg_four" },
      answered.id,
      counterTerms({ pricePerUnit: "240.00" }),
      change,
    );
    // Decided or gone: nothing to do.
    const withdrawn = await place(lot.id, "porg_five");
    await withdrawBid(db, { ...platform, organizationId: "porg_five" }, withdrawn.id, change);
    const rejected = await place(lot.id, "porg_six");
    await decideBid(db, mill.organizationId, rejected.id, { action: "reject", reason: "Too dear" }, change);
    // Placed two days ago and lapsed an hour ago; the expiry job has not run yet.
    await place(
      lot.id,
      "porg_late",
      { validUntil: new Date(Date.now() - HOUR).toISOString() },
      new Date(Date.now() - 2 * DAY),
    );
    // Two contracts: one the buyer has not signed, one it has.
    const unsigned = await place(lot.id, "porg_seven", { volume: "100" });
    await decideBid(db, mill.organizationId, unsigned.id, { action: "accept" }, change);
    const signed = await place(lot.id, "porg_eight", { volume: "100" });
    await decideBid(db, mill.organizationId, signed.id, { action: "accept" }, change);
    const [signedRow] = await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.bidId, signed.id));
    const reader = { party: "buyer" as const, organizationId: mill.organizationId };
    const contract = await findContract(db, reader, signedRow.id);
    await signContract(
      db,
      { reader, name: "Busy Mill admin", email: "admin@busy.example" },
      contract.id,
      documentHashOf(await renderContractDocument(contract)),
      change,
    );
    // Deadlines: 47 h away is soon, 49 h is not; a draft closing in 47 h takes no bids yet.
    const soon = await publishedLot(mill, {
      title: "Closing soon",
      biddingDeadline: new Date(Date.now() + 47 * HOUR).toISOString(),
    });
    const onSoon = await place(soon.id, "porg_one");
    await publishedLot(mill, {
      title: "Closing later",
      biddingDeadline: new Date(Date.now() + 49 * HOUR).toISOString(),
    });
    await draftLot(mill, { title: "Draft", biddingDeadline: new Date(Date.now() + 47 * HOUR).toISOString() });
    // The neighbour's own bid, on its own lot.
    const neighbourLot = await publishedLot(neighbour);
    await place(neighbourLot.id, "porg_one");

    const work = await workOf(mill);

    expect(counts(work)).toEqual({
      bidsAwaitingDecision: 3,
      countersAnswered: 1,
      contractsToSign: 1,
      lotsClosingSoon: 1,
    });
    expect(work.bidsAwaitingDecision.items.map((item) => item.bidId).sort()).toEqual(
      [first.id, second.id, onSoon.id].sort(),
    );
    expect(work.bidsAwaitingDecision.items.find((item) => item.bidId === second.id)).toMatchObject({
      lotNumber: lot.number,
      producer: "Farm porg_two",
      volume: "120.000",
      unit: "t",
      pricePerUnit: "238.5000",
      currency: "EUR",
    });
    expect(work.countersAnswered.items).toEqual([
      expect.objectContaining({ bidId: answered.id, pricePerUnit: "240.0000", producer: "Farm porg_four" }),
    ]);
    const [unsignedRow] = await db.select().from(contracts).where(eq(contracts.bidId, unsigned.id));
    expect(work.contractsToSign.items).toEqual([
      expect.objectContaining({ contractId: unsignedRow.id, number: unsignedRow.number, producerSigned: false }),
    ]);
    expect(work.lotsClosingSoon.items).toEqual([
      expect.objectContaining({ lotId: soon.id, title: "Closing soon", liveBidCount: 1 }),
    ]);

    // The producer signs first: still the buyer's to sign, now noting the producer's signature.
    const producerReader = { party: "producer" as const, caller: { ...platform, organizationId: "porg_seven" } };
    const toSign = await findContract(db, producerReader, unsignedRow.id);
    await signContract(
      db,
      { reader: producerReader, name: "Petra Bauer", email: "petra@farm.example" },
      toSign.id,
      documentHashOf(await renderContractDocument(toSign)),
      change,
    );
    expect((await workOf(mill)).contractsToSign).toEqual({
      count: 1,
      items: [expect.objectContaining({ contractId: unsignedRow.id, producerSigned: true })],
    });

    // A plain member of the same organization has the same work; the neighbour none of the mill's.
    expect(counts(await workOf(mill, mill.memberUserId))).toEqual(counts(work));
    const theirs = await workOf(neighbour);
    expect(counts(theirs)).toEqual({
      bidsAwaitingDecision: 1,
      countersAnswered: 0,
      contractsToSign: 0,
      lotsClosingSoon: 0,
    });
    expect(theirs.bidsAwaitingDecision.items.map((item) => item.lotId)).toEqual([neighbourLot.id]);
  });

  it("lists the loads expected by today, the overdue contracts and those ready to confirm; a neighbour sees only its own", async () => {
    const { db } = portal();
    const depot = await buyerOrganization("Depot Mill");
    const quiet = await buyerOrganization("Neighbour Mill");
    const writer = { organizationId: depot.organizationId, name: "Weighbridge clerk", userId: depot.userId };
    const dispatch = (contractId: string, producer: string, plannedDate: string, vehicleReference: string) =>
      receiveDispatch(
        db,
        { ...platform, organizationId: producer },
        contractId,
        `pdsp_${vehicleReference}`,
        { plannedDate, vehicleReference, estimatedWeight: "25", note: "" },
        change,
      );
    const dispatchIdOf = async (contractId: string, vehicle: string) =>
      (
        await findContract(db, { party: "buyer", organizationId: depot.organizationId }, contractId)
      ).delivery.dispatches.find((d) => d.vehicleReference === vehicle)?.id ?? null;

    // Contract A, 100 t: trucks due yesterday and today, one due tomorrow, one already weighed, one weighed against
    // a ticket later corrected to name no dispatch (so it is expected again).
    const a = await activeContract(depot, "porg_a", "100");
    await dispatch(a, "porg_a", dayOffset(-1), "A-YESTERDAY");
    await dispatch(a, "porg_a", dayOffset(0), "A-TODAY");
    await dispatch(a, "porg_a", dayOffset(1), "A-TOMORROW");
    await dispatch(a, "porg_a", dayOffset(-2), "A-WEIGHED");
    await dispatch(a, "porg_a", dayOffset(-3), "A-UNLINKED");
    await recordTicket(db, writer, a, ticket("30", { dispatchId: await dispatchIdOf(a, "A-WEIGHED") }), change);
    const linked = await recordTicket(
      db,
      writer,
      a,
      ticket("20", { dispatchId: await dispatchIdOf(a, "A-UNLINKED") }),
      change,
    );
    const wrongTicket = linked.delivery.tickets.at(-1);
    if (!wrongTicket) throw new Error("no ticket");
    await correctTicket(
      db,
      writer,
      a,
      wrongTicket.id,
      ticketCorrectionSchema.parse({ ...ticket("20"), ticketNumber: undefined, reason: "Another truck" }),
      change,
    );
    // Contract B, 100 t: exactly the minimum (95 t) accepted, one rejected load beside it: ready to confirm.
    const b = await activeContract(depot, "porg_b", "100");
    await recordTicket(db, writer, b, ticket("60"), change);
    await recordTicket(db, writer, b, ticket("35"), change);
    await recordTicket(db, writer, b, ticket("40", { decision: "reject", rejectionReason: "Wet" }), change);
    // Contract C, 100 t: 94.999 t, a gram short of the minimum: not ready. Its window ended: overdue.
    const c = await activeContract(depot, "porg_c", "100", "2027-01-31");
    await recordTicket(db, writer, c, ticket("94.999"), change);
    // Contract D: its window ended too, but it was fulfilled first: neither overdue nor ready.
    const d = await activeContract(depot, "porg_d", "100", "2027-01-31");
    await recordTicket(db, writer, d, ticket("100"), change);
    await fulfilContract(db, { organizationId: depot.organizationId, name: "Depot Mill admin" }, d, "");
    // Contract E: active, nothing delivered, window ended: overdue.
    const e = await activeContract(depot, "porg_e", "50", "2027-01-31");
    await flagOverdueContracts(db, new Date("2027-02-02T00:00:00Z"), change);
    // The neighbour's contract: a truck due today, within tolerance, overdue. None of it is the depot's.
    const theirs = await activeContract(quiet, "porg_a", "10", "2027-01-31");
    await receiveDispatch(
      db,
      { ...platform, organizationId: "porg_a" },
      theirs,
      "pdsp_neighbour",
      { plannedDate: dayOffset(0), vehicleReference: "N-1", estimatedWeight: "10", note: "" },
      change,
    );
    await recordTicket(
      db,
      { ...writer, organizationId: quiet.organizationId, userId: quiet.userId },
      theirs,
      ticket("10"),
      change,
    );
    await flagOverdueContracts(db, new Date("2027-02-02T00:00:00Z"), change);

    const work = await workOf(depot);
    expect(work.loadsExpected.count).toBe(3);
    expect(work.loadsExpected.items.map((load) => [load.vehicleReference, load.contractId])).toEqual([
      ["A-UNLINKED", a],
      ["A-YESTERDAY", a],
      ["A-TODAY", a],
    ]);
    expect(work.loadsExpected.items[2]).toMatchObject({
      plannedDate: dayOffset(0),
      estimatedWeight: "25.000",
      unit: "t",
      producer: "Farm porg_a",
    });
    // Tomorrow's truck is expected once tomorrow is the viewer's today.
    expect(
      (
        await listWorkForMember(
          db,
          { organizationId: depot.organizationId, memberId: await membershipOf(depot.userId) },
          new Date(),
          dayOffset(1),
        )
      ).loadsExpected.count,
    ).toBe(4);

    expect(work.readyToConfirm).toEqual({
      count: 1,
      items: [expect.objectContaining({ contractId: b, accepted: "95.000", volume: "100.000", unit: "t" })],
    });
    expect(work.contractsOverdue.count).toBe(2);
    expect(work.contractsOverdue.items.map((item) => item.contractId).sort()).toEqual([c, e].sort());
    expect(work.contractsOverdue.items.find((item) => item.contractId === c)).toMatchObject({
      accepted: "94.999",
      deliveryEnd: "2027-01-31",
      overdueSince: expect.any(Date),
    });

    // A plain member of the depot sees the same; the neighbour only its own contract.
    const sameForMember = await workOf(depot, depot.memberUserId);
    expect([
      sameForMember.loadsExpected.count,
      sameForMember.readyToConfirm.count,
      sameForMember.contractsOverdue.count,
    ]).toEqual([3, 1, 2]);
    const neighbourWork = await workOf(quiet);
    expect(neighbourWork.loadsExpected.items.map((load) => load.contractId)).toEqual([theirs]);
    expect(neighbourWork.readyToConfirm.items.map((item) => item.contractId)).toEqual([theirs]);
    expect(neighbourWork.contractsOverdue.items.map((item) => item.contractId)).toEqual([theirs]);
    for (const list of [neighbourWork.loadsExpected, neighbourWork.readyToConfirm, neighbourWork.contractsOverdue]) {
      expect(list.items.map((item) => item.contractId).filter((id) => [a, b, c, d, e].includes(id))).toEqual([]);
    }
  });

  it("shows messages the integration gave up on to an operator only, never to a plain member or an organization admin", async () => {
    const { db } = portal();
    const operatorOrg = await buyerOrganization("Operating Mill");
    await grantOperator(db, { email: `admin@${operatorOrg.slug}.example`, organizationSlug: operatorOrg.slug }, "test");
    await db.insert(outboxMessage).values({
      id: newId("msg"),
      kind: "webhook",
      destination: "producer-portal",
      eventType: "bid.accepted",
      payload: {},
      status: "dead",
      attempts: 8,
      lastError: "connect ECONNREFUSED",
    });
    const dead = await db.$count(outboxMessage, eq(outboxMessage.status, "dead"));
    expect(dead).toBeGreaterThan(0);

    expect((await workOf(operatorOrg)).undeliveredMessages).toEqual({ count: dead });
    expect((await workOf(operatorOrg, operatorOrg.memberUserId)).undeliveredMessages).toBeNull();
    expect((await workOf(mill)).undeliveredMessages).toBeNull(); // an organization admin without the grant
  });
});
