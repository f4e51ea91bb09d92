import type { Bid } from "@lotbridge/contract/bid";
import { bidSubmissionSchema } from "@lotbridge/contract/bid-submission";
import { DomainError } from "@lotbridge/contract/problem";
import { notification } from "@lotbridge/notifications/tables";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { contracts } from "@/domain/contracts/contract-table";
import { closeLot } from "@/domain/lots/close-lot";
import { integrationEvents } from "@/integration/integration-tables";
import { issueApiKey } from "@/integration/issue-api-key";
import { portal } from "@/server/portal";
import { bidInput, publishedLot } from "@/test/bids";
import { buyerOrganization, notificationsOf, PUBLIC_URL, storedLot } from "@/test/lots";
import { acceptCounterOffer, rejectCounterOffer } from "./answer-counter-offer";
import { bids, offers } from "./bid-table";
import { counterBack, counterBid } from "./counter-bid";
import { decideBid } from "./decide-bid";
import { expireBids } from "./expire-bids";
import { AWARDED_REASON } from "./reject-live-bids";
import { submitBid } from "./submit-bid";
import { withdrawBid } from "./withdraw-bid";

const HOUR = 3_600_000;
const change = { publicUrl: PUBLIC_URL };
let platform: { apiKeyId: string; platform: string };
let mill: Awaited<ReturnType<typeof buyerOrganization>>;
let otherMill: Awaited<ReturnType<typeof buyerOrganization>>;

beforeAll(async () => {
  const issued = await issueApiKey(portal().db, { name: "bids", platform: "producer-portal", scopes: ["bids:write"] });
  platform = { apiKeyId: issued.id, platform: "producer-portal" };
  mill = await buyerOrganization("Negotiating Mill");
  otherMill = await buyerOrganization("Other Mill");
});

const producer = (organizationId: string) => ({ ...platform, organizationId });
const place = (lotId: string, organizationId: string, terms: Record<string, unknown> = {}) =>
  submitBid(portal().db, platform, bidSubmissionSchema.parse(bidInput(lotId, organizationId, terms)), change);
const accept = (bid: Bid) => decideBid(portal().db, mill.organizationId, bid.id, { action: "accept" }, change);
const counterTerms = (terms: Record<string, string> = {}) => ({
  volume: "100",
  pricePerUnit: "239.00",
  deliveryTerms: "DAP Hamburg, October",
  message: "We can take 100 t at this price.",
  expiresAt: new Date(Date.now() + 2 * HOUR).toISOString(),
  ...terms,
});
const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (error) => (error instanceof DomainError ? error.code : `unexpected: ${error}`),
  );
const contractOf = async (bidId: string) => portal().db.select().from(contracts).where(eq(contracts.bidId, bidId));
const eventTypesAbout = async (id: string) =>
  (await portal().db.select().from(integrationEvents).orderBy(asc(integrationEvents.seq)))
    .map((row) => row.envelope as { type: string; data: { id: string; bidId?: string } })
    .filter((envelope) => envelope.data.id === id || envelope.data.bidId === id)
    .map((envelope) => envelope.type);

/** Everything a refused decision must leave as it was. */
async function state(bidId: string, lotId: string) {
  const { db } = portal();
  const [bid] = await db.select().from(bids).where(eq(bids.id, bidId));
  return {
    bid,
    offers: await db.select().from(offers).where(eq(offers.bidId, bidId)).orderBy(asc(offers.round)),
    lot: await storedLot(lotId),
    contracts: await db.$count(contracts),
    events: await db.$count(integrationEvents),
    outbox: await db.$count(outboxMessage),
    notifications: await db.$count(notification),
  };
}

describe("the buyer accepts a bid", () => {
  it("in one transaction: bid accepted, volume allocated, a numbered contract with the agreed terms, events, notifications", async () => {
    const lot = await publishedLot(mill);
    const bid = await place(lot.id, "porg_accept", { volume: "120", pricePerUnit: "245.50" });
    const accepted = await accept(bid);

    expect(accepted).toMatchObject({ status: "accepted", volume: "120.000", version: bid.version + 1 });
    expect(accepted.offers.map((offer) => offer.status)).toEqual(["accepted"]);
    expect((await storedLot(lot.id)).allocatedVolume).toBe("120.000");
    const [contract] = await contractOf(bid.id);
    expect(contract).toMatchObject({
      number: expect.stringMatching(new RegExp(`^CT-${new Date().getUTCFullYear()}-\\d{6}$`)),
      status: "pending_signature",
      buyerOrganizationId: mill.organizationId,
      producerOrganizationId: "porg_accept",
      producerName: "Farm porg_accept",
      volume: "120.000",
      pricePerUnit: "245.5000",
      total: "29460.00",
      paymentTerms: "30 days after delivery",
      incoterm: "DAP",
      offerId: bid.offers[0].id,
    });
    expect(await eventTypesAbout(bid.id)).toEqual(["bid.received", "bid.accepted", "contract.created"]);
    const told = await notificationsOf(mill.userId);
    expect(told.map((n) => n.title)).toContain(`Contract ${contract.number} created with Farm porg_accept`);
  });

  it("awards the lot when its volume is used up, rejecting every other live bid with the reason", async () => {
    const lot = await publishedLot(mill, { volume: "200" });
    const winner = await place(lot.id, "porg_winner", { volume: "200" });
    const losers = [await place(lot.id, "porg_loser_a", { volume: "100" }), await place(lot.id, "porg_loser_b")];
    await accept(winner);
    expect((await storedLot(lot.id)).status).toBe("awarded");
    for (const loser of losers) {
      const [row] = await portal().db.select().from(bids).where(eq(bids.id, loser.id));
      expect(row).toMatchObject({ status: "rejected", rejectionReason: AWARDED_REASON });
      expect(await eventTypesAbout(loser.id)).toEqual(["bid.received", "bid.rejected"]);
    }
  });

  it("20 concurrent accepts never allocate more than the lot; each accepted bid has one contract; the rest are rejected", async () => {
    const lot = await publishedLot(mill, { volume: "1000", minBidVolume: "50" });
    const placed = await Promise.all(
      Array.from({ length: 20 }, (_, i) => place(lot.id, `porg_race_${i}`, { volume: "100" })),
    );
    const results = await Promise.all(placed.map((bid) => outcome(accept(bid))));

    expect(results.filter((r) => r === "accepted")).toHaveLength(10);
    expect(results.filter((r) => r !== "accepted").every((r) => r === "bid-decided")).toBe(true);
    expect(await storedLot(lot.id)).toMatchObject({ allocatedVolume: "1000.000", status: "awarded" });
    const rows = await portal().db.select().from(bids).where(eq(bids.lotId, lot.id));
    const won = rows.filter((row) => row.status === "accepted");
    expect(won).toHaveLength(10);
    expect(rows.filter((row) => row.status === "rejected").every((row) => row.rejectionReason === AWARDED_REASON)).toBe(
      true,
    );
    const made = await portal().db.select().from(contracts).where(eq(contracts.lotId, lot.id));
    expect(made.map((c) => c.bidId).sort()).toEqual(won.map((row) => row.id).sort());
    expect(new Set(made.map((c) => c.number)).size).toBe(10);
  });

  it("under concurrency, bids larger than what is left are refused and stay live for a counter-offer", async () => {
    const lot = await publishedLot(mill, { volume: "500", minBidVolume: "50" });
    const placed = await Promise.all(
      Array.from({ length: 20 }, (_, i) => place(lot.id, `porg_uneven_${i}`, { volume: "60" })),
    );
    const results = await Promise.all(placed.map((bid) => outcome(accept(bid))));
    expect(results.filter((r) => r === "accepted")).toHaveLength(8);
    expect(results.filter((r) => r === "volume-exceeded")).toHaveLength(12);
    expect(await storedLot(lot.id)).toMatchObject({ allocatedVolume: "480.000", status: "published" });
    expect(await portal().db.$count(contracts, eq(contracts.lotId, lot.id))).toBe(8);
    const live = await portal().db.select().from(bids).where(eq(bids.lotId, lot.id));
    expect(live.filter((row) => row.status === "submitted")).toHaveLength(12);
  });
});

describe("negotiating in rounds", () => {
  it("counter → counter back → the buyer accepts: the contract holds the producer's last terms", async () => {
    const lot = await publishedLot(mill);
    const bid = await place(lot.id, "porg_haggle", { volume: "120", pricePerUnit: "245.50" });
    const countered = await counterBid(portal().db, mill.organizationId, bid.id, counterTerms(), change);
    expect(countered.status).toBe("countered");
    expect(countered.offers.map((o) => [o.fromParty, o.status])).toEqual([
      ["producer", "superseded"],
      ["buyer", "pending"],
    ]);

    const back = await counterBack(
      portal().db,
      producer("porg_haggle"),
      bid.id,
      counterTerms({ volume: "110", pricePerUnit: "242.00" }),
      change,
    );
    expect(back.offers.map((o) => [o.round, o.fromParty, o.status])).toEqual([
      [1, "producer", "superseded"],
      [2, "buyer", "superseded"],
      [3, "producer", "pending"],
    ]);
    const answered = (await notificationsOf(mill.userId)).filter((n) => n.type === "counter.answered");
    expect(answered.map((n) => n.title)).toContain(
      `Farm porg_haggle countered your offer on ${lot.number} ${lot.title}`,
    );

    const accepted = await accept(back);
    expect(accepted).toMatchObject({ status: "accepted", volume: "110.000", pricePerUnit: "242.0000" });
    const [contract] = await contractOf(bid.id);
    expect(contract).toMatchObject({ volume: "110.000", pricePerUnit: "242.0000", total: "26620.00" });
    expect(contract.offerId).toBe(back.offers[2].id);
    expect(await eventTypesAbout(bid.id)).toEqual([
      "bid.received",
      "bid.counter_offer",
      "bid.counter_offer",
      "bid.accepted",
      "contract.created",
    ]);
  });

  it("the producer accepts the buyer's counter-offer: bid.counter_accepted, a contract on the counter terms, the buyer told", async () => {
    const lot = await publishedLot(mill);
    const bid = await place(lot.id, "porg_agree");
    const countered = await counterBid(portal().db, mill.organizationId, bid.id, counterTerms(), change);
    const offerId = countered.offers[1].id;
    const accepted = await acceptCounterOffer(portal().db, producer("porg_agree"), bid.id, offerId, change);
    expect(accepted.status).toBe("accepted");
    const [contract] = await contractOf(bid.id);
    expect(contract).toMatchObject({ volume: "100.000", pricePerUnit: "239.0000", total: "23900.00", offerId });
    expect(await eventTypesAbout(bid.id)).toEqual([
      "bid.received",
      "bid.counter_offer",
      "bid.counter_accepted",
      "contract.created",
    ]);
    const told = (await notificationsOf(mill.userId)).map((n) => n.title);
    expect(told).toContain(`Farm porg_agree accepted your counter-offer on ${lot.number} ${lot.title}`);
  });

  it("the producer rejects the counter-offer: the negotiation ends, the buyer hears the reason", async () => {
    const lot = await publishedLot(mill);
    const bid = await place(lot.id, "porg_decline");
    const countered = await counterBid(portal().db, mill.organizationId, bid.id, counterTerms(), change);
    const rejected = await rejectCounterOffer(
      portal().db,
      producer("porg_decline"),
      bid.id,
      countered.offers[1].id,
      "Below our cost.",
      change,
    );
    expect(rejected).toMatchObject({
      status: "rejected",
      rejectionReason: "Farm porg_decline rejected the counter-offer: Below our cost.",
    });
    expect(rejected.offers.at(-1)?.status).toBe("rejected");
    expect(await eventTypesAbout(bid.id)).toEqual(["bid.received", "bid.counter_offer", "bid.counter_rejected"]);
  });

  it("a counter-offer left unanswered expires with its bid", async () => {
    const lot = await publishedLot(mill);
    const bid = await place(lot.id, "porg_silent");
    const soon = new Date(Date.now() + 60_000).toISOString();
    await counterBid(portal().db, mill.organizationId, bid.id, counterTerms({ expiresAt: soon }), change);
    const expired = await expireBids(portal().db, new Date(Date.now() + 120_000), change);
    expect(expired.map((b) => b.id)).toContain(bid.id);
    const after = await state(bid.id, lot.id);
    expect(after.bid.status).toBe("expired");
    expect(after.offers.map((o) => o.status)).toEqual(["superseded", "expired"]);
  });
});

describe("answers that are not allowed change nothing", () => {
  async function refused(bid: Bid, lotId: string, act: () => Promise<unknown>, code: string) {
    const before = await state(bid.id, lotId);
    expect(await outcome(act())).toBe(code);
    expect(await state(bid.id, lotId)).toEqual(before);
  }

  it("accepting a rejected, withdrawn, expired or accepted bid", async () => {
    const lot = await publishedLot(mill);
    const rejected = await place(lot.id, "porg_r");
    await decideBid(portal().db, mill.organizationId, rejected.id, { action: "reject", reason: "Too dear." }, change);
    const withdrawn = await place(lot.id, "porg_w");
    await withdrawBid(portal().db, producer("porg_w"), withdrawn.id, change);
    const expired = await place(lot.id, "porg_e", { validUntil: new Date(Date.now() + 1000).toISOString() });
    await expireBids(portal().db, new Date(Date.now() + 5000), change);
    const accepted = await place(lot.id, "porg_a");
    await accept(accepted);
    for (const bid of [rejected, withdrawn, expired, accepted]) {
      await refused(bid, lot.id, () => accept(bid), "bid-decided");
    }
  });

  it("accepting a superseded counter-offer, or one that expired", async () => {
    const lot = await publishedLot(mill);
    const bid = await place(lot.id, "porg_old");
    const first = await counterBid(portal().db, mill.organizationId, bid.id, counterTerms(), change);
    await counterBack(portal().db, producer("porg_old"), bid.id, counterTerms({ pricePerUnit: "241.00" }), change);
    const superseded = first.offers[1].id;
    await refused(
      bid,
      lot.id,
      () => acceptCounterOffer(portal().db, producer("porg_old"), bid.id, superseded, change),
      "offer-not-pending",
    );

    const late = await place(lot.id, "porg_late");
    const soon = new Date(Date.now() + 60_000).toISOString();
    const countered = await counterBid(
      portal().db,
      mill.organizationId,
      late.id,
      counterTerms({ expiresAt: soon }),
      change,
    );
    const later = { ...change, now: new Date(Date.now() + 120_000) };
    await refused(
      late,
      lot.id,
      () => acceptCounterOffer(portal().db, producer("porg_late"), late.id, countered.offers[1].id, later),
      "offer-expired",
    );
  });

  it("answering out of turn, or another organization's bid", async () => {
    const lot = await publishedLot(mill);
    const bid = await place(lot.id, "porg_turn");
    const countered = await counterBid(portal().db, mill.organizationId, bid.id, counterTerms(), change);
    await refused(bid, lot.id, () => accept(bid), "awaiting-other-party");
    await refused(
      bid,
      lot.id,
      () => counterBid(portal().db, mill.organizationId, bid.id, counterTerms(), change),
      "awaiting-other-party",
    );
    await refused(
      bid,
      lot.id,
      () => decideBid(portal().db, otherMill.organizationId, bid.id, { action: "accept" }, change),
      "not-found",
    );
    await refused(
      bid,
      lot.id,
      () => acceptCounterOffer(portal().db, producer("porg_intruder"), bid.id, countered.offers[1].id, change),
      "not-found",
    );
  });

  it("countering on a closed lot, or with terms the lot does not allow", async () => {
    const lot = await publishedLot(mill);
    const bid = await place(lot.id, "porg_bad_terms");
    const counter = (terms: Record<string, string>) => () =>
      counterBid(portal().db, mill.organizationId, bid.id, counterTerms(terms), change);
    await refused(bid, lot.id, counter({ volume: "600" }), "volume-exceeds-remaining");
    await refused(bid, lot.id, counter({ volume: "10" }), "volume-below-minimum");
    await refused(bid, lot.id, counter({ expiresAt: "2020-01-01T00:00:00Z" }), "expires-at-passed");
    await closeLot(portal().db, lot.id, { actor: mill, publicUrl: PUBLIC_URL });
    await refused(bid, lot.id, counter({}), "lot-not-open");
  });
});
