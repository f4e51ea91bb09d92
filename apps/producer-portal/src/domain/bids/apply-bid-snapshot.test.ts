import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import type { Bid } from "@lotbridge/contract/bid";
import { notification } from "@lotbridge/notifications/tables";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { handleBuyerEvent } from "@/integration/handle-buyer-event";
import { portal } from "@/server/portal";
import { lotSnapshot } from "@/test/buyer-events";
import { bidSnapshotOf, buyerEvent, counteredThread, holdBid, offerSnapshot } from "@/test/negotiation-snapshots";
import { type ProducerBidRow, producerBids } from "./producer-bid-table";

const CONTEXT = { publicUrl: "http://localhost:3001" };
const lot = lotSnapshot();
let organizationId: string;
let bid: ProducerBidRow;

const receive = (type: string, data: Bid) =>
  portal().db.transaction((tx) => handleBuyerEvent(tx, buyerEvent(type, data), CONTEXT));
const stored = async () => (await portal().db.select().from(producerBids).where(eq(producerBids.id, bid.id)))[0];
const notices = () => portal().db.select().from(notification).where(eq(notification.organizationId, organizationId));
const emails = () => portal().db.select().from(outboxMessage).where(eq(outboxMessage.kind, "email"));

beforeAll(async () => {
  ({ organizationId } = await createOrganizationWithUsers(
    portal().db,
    { name: "Greenacre", slug: "greenacre-events" },
    [{ name: "Piet", email: "piet@greenacre.example", password: "correct-horse-battery", role: "member" }],
  ));
});

beforeEach(async () => {
  const { db } = portal();
  await db.delete(producerBids);
  await db.delete(notification);
  await db.delete(outboxMessage);
  bid = await holdBid("pbid_events", organizationId, lot, "submitted");
});

describe("bid events from the buyer portal", () => {
  it("a buyer's counter-offer moves the bid to countered, keeps the thread and tells the producer once, by email too", async () => {
    const offers = counteredThread("2026-12-01T12:00:00.000Z");
    const countered = bidSnapshotOf(bid, { status: "countered", offers });
    await receive("bid.counter_offer", countered);
    await receive("bid.counter_offer", countered);
    await receive("bid.received", bidSnapshotOf(bid, { version: bid.version + 1 }));

    expect(await stored()).toMatchObject({ state: "countered", version: 3, offers });
    expect(await notices()).toEqual([
      expect.objectContaining({
        type: "bid.counter_offer",
        title: `The buyer countered your bid on ${lot.number}`,
        body: expect.stringMatching(
          /^80 t at EUR 236\.00 \/ t \(total EUR 18,880\.00\)\..*Answer by 1 Dec 2026, \d{2}:\d{2} UTC\.$/,
        ),
        link: `/bids/${bid.id}`,
      }),
    ]);
    expect(await emails()).toHaveLength(1);
  });

  it("the producer's own counter back is applied and tells nobody", async () => {
    const offers = [
      ...counteredThread().map((o) => ({ ...o, status: "superseded" as const })),
      offerSnapshot({ round: 3, fromParty: "producer", pricePerUnit: "238.0000" }),
    ];
    await receive("bid.counter_offer", bidSnapshotOf(bid, { status: "countered", offers }));
    expect(await stored()).toMatchObject({ state: "countered", offers });
    expect(await notices()).toEqual([]);
  });

  it.each([
    ["bid.accepted", { status: "accepted" }, "was accepted", "The contract follows", 1],
    ["bid.rejected", { status: "rejected", rejectionReason: "Price too high." }, "was rejected", "Price too high.", 1],
    ["bid.expired", { status: "expired" }, "expired", "validity ended", 0],
  ] as const)("%s is applied and told to the producer", async (type, change, title, body, emailCount) => {
    await receive(type, bidSnapshotOf(bid, change));
    expect(await stored()).toMatchObject({ state: change.status, version: 3 });
    expect(await notices()).toEqual([
      expect.objectContaining({
        type,
        title: `Your bid on ${lot.number} ${title}`,
        body: expect.stringContaining(body),
      }),
    ]);
    expect(await emails()).toHaveLength(emailCount);
  });

  it("keeps the rejection reason for the bid page", async () => {
    await receive("bid.rejected", bidSnapshotOf(bid, { status: "rejected", rejectionReason: "Price too high." }));
    expect(await stored()).toMatchObject({ rejectionReason: "Price too high." });
  });

  it.each([
    ["bid.counter_accepted", "accepted"],
    ["bid.counter_rejected", "rejected"],
    ["bid.withdrawn", "withdrawn"],
  ] as const)("%s, the producer's own doing, is applied and tells nobody", async (type, status) => {
    await receive(type, bidSnapshotOf(bid, { status }));
    expect(await stored()).toMatchObject({ state: status, version: 3 });
    expect(await notices()).toEqual([]);
  });

  it("an older snapshot arriving late changes nothing and tells nobody", async () => {
    await receive("bid.accepted", bidSnapshotOf(bid, { status: "accepted", version: 5 }));
    const after = await stored();
    await receive(
      "bid.counter_offer",
      bidSnapshotOf(bid, { status: "countered", offers: counteredThread(), version: 4 }),
    );
    await receive("bid.rejected", bidSnapshotOf(bid, { status: "rejected", version: 5 }));
    expect(await stored()).toEqual(after);
    expect((await notices()).map((n) => n.type)).toEqual(["bid.accepted"]);
  });

  it("a snapshot of a bid still sending confirms it: the buyer portal's id is learnt from it", async () => {
    const sending = await holdBid("pbid_sending", organizationId, lot, "sending");
    const confirmed = bidSnapshotOf(sending, { id: "bid_confirmed" });
    expect(await receive("bid.received", confirmed)).toBe("applied");
    const [row] = await portal().db.select().from(producerBids).where(eq(producerBids.id, "pbid_sending"));
    expect(row).toMatchObject({ state: "submitted", buyerBidId: "bid_confirmed", version: 1 });
  });
});

describe("bid events about bids this portal did not place", () => {
  // Another platform's bid, placed with our externalBidId and our organization: 5 t at 2.00 instead of 100 t at 240.50.
  const foreignOf = (change: Partial<Bid>) =>
    bidSnapshotOf(bid, { volume: "5.000", pricePerUnit: "2.0000", status: "accepted", version: 9, ...change });

  it.each([
    ["another buyer-side bid id", () => foreignOf({ id: "bid_otherplatform" }), /is bid_of.* at the buyer portal/],
    [
      "another organization",
      () => foreignOf({ bidder: { ...bidSnapshotOf(bid).bidder, organizationId: "org_elsewhere" } }),
      /another organization/,
    ],
    ["another lot", () => foreignOf({ lotId: "lot_elsewhere" }), /another lot/],
    ["an id this portal never gave", () => foreignOf({ externalBidId: "pbid_elsewhere" }), /No bid pbid_elsewhere/],
  ])("with %s is refused and leaves our bid as it was, telling nobody", async (_case, foreign, reason) => {
    const before = await stored();
    expect(await receive("bid.accepted", foreign())).toEqual({ refused: expect.stringMatching(reason) });
    expect(await stored()).toEqual(before);
    expect(await portal().db.$count(producerBids)).toBe(1);
    expect(await notices()).toEqual([]);
    expect(await emails()).toEqual([]);
  });
});
