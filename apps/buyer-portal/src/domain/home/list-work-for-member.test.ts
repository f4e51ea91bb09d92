import { grantOperator } from "@lotbridge/auth/grant-operator";
import { member } from "@lotbridge/auth/tables";
import { bidSubmissionSchema } from "@lotbridge/contract/bid-submission";
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
