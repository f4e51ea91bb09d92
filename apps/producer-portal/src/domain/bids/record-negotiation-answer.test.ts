import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import type { CurrentMember } from "@lotbridge/auth/current-member";
import type { Offer } from "@lotbridge/contract/offer";
import { notification } from "@lotbridge/notifications/tables";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import type { SendResult } from "@lotbridge/webhooks/transport";
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { applyLotSnapshot } from "@/domain/marketplace/apply-lot-snapshot";
import { recordCommandAnswer as recordBuyerAnswer } from "@/integration/answers";
import { handleBuyerEvent } from "@/integration/handle-buyer-event";
import { portal } from "@/server/portal";
import { lotEvent, lotSnapshot } from "@/test/buyer-events";
import { bidSnapshotOf, buyerEvent, holdBid, offerSnapshot } from "@/test/negotiation-snapshots";
import { acceptCounterOffer } from "./accept-counter-offer";
import { counterBack } from "./counter-back";
import { type ProducerBidRow, producerBids } from "./producer-bid-table";

const PUBLIC_URL = "http://localhost:3001";
const lot = lotSnapshot();
let piet: CurrentMember;
let bid: ProducerBidRow;

const stored = async () => (await portal().db.select().from(producerBids).where(eq(producerBids.id, bid.id)))[0];
const notices = () =>
  portal().db.select().from(notification).where(eq(notification.organizationId, piet.organizationId));

/** Records `result` as the buyer portal's answer to the bid's pending call, as the dispatcher's hooks do. */
async function answer(result: SendResult): Promise<void> {
  const { pendingCallId } = await stored();
  const [message] = await portal()
    .db.select()
    .from(outboxMessage)
    .where(eq(outboxMessage.id, pendingCallId ?? ""));
  await portal().db.transaction((tx) => recordBuyerAnswer(tx, PUBLIC_URL, message, result));
}

const settled = (offers: Offer[], last: Offer["status"]) =>
  offers.map((o, i) => ({ ...o, status: i === offers.length - 1 ? last : ("superseded" as const) }));

beforeAll(async () => {
  const created = await createOrganizationWithUsers(portal().db, { name: "Greenacre", slug: "greenacre-nego" }, [
    { name: "Piet", email: "piet@greenacre.example", password: "correct-horse-battery", role: "member" },
  ]);
  piet = {
    userId: created.userIds[0],
    memberId: "mem_piet",
    organizationId: created.organizationId,
    name: "Piet",
    email: "piet@greenacre.example",
    role: "member",
  };
  await portal().db.transaction((tx) => applyLotSnapshot(tx, lotEvent("lot.published", lot)));
});

beforeEach(async () => {
  await portal().db.delete(producerBids);
  await portal().db.delete(notification);
  bid = await holdBid("pbid_nego", piet.organizationId, lot, "countered");
});

describe("the buyer portal's answer to an answer of a counter-offer", () => {
  it("a delivered acceptance applies the accepted bid and clears the pending change; its event then tells nobody", async () => {
    await acceptCounterOffer(portal().db, piet, bid.id, bid.offers[1].id);
    const accepted = bidSnapshotOf(bid, {
      status: "accepted",
      volume: "80.000",
      pricePerUnit: "236.0000",
      offers: settled(bid.offers, "accepted"),
    });
    await answer({ outcome: "delivered", status: 200, body: accepted });
    expect(await stored()).toMatchObject({
      state: "accepted",
      volume: "80.000",
      pricePerUnit: "236.0000",
      version: accepted.version,
      offers: accepted.offers,
      pendingCallId: null,
      pendingChange: null,
    });
    await portal().db.transaction((tx) =>
      handleBuyerEvent(tx, buyerEvent("bid.counter_accepted", accepted), { publicUrl: PUBLIC_URL }),
    );
    expect(await notices()).toEqual([]);
  });

  it("a delivered counter back shows the producer's new round", async () => {
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    await counterBack(portal().db, piet, bid.id, {
      volume: "90",
      pricePerUnit: "238.00",
      deliveryTerms: "DAP Hamburg",
      message: "",
      expiresAt,
    });
    const round3 = offerSnapshot({ round: 3, volume: "90.000", pricePerUnit: "238.0000", expiresAt });
    const countered = bidSnapshotOf(bid, {
      status: "countered",
      offers: [...settled(bid.offers, "superseded"), round3],
    });
    await answer({ outcome: "delivered", status: 201, body: countered });
    expect(await stored()).toMatchObject({ state: "countered", offers: countered.offers, pendingChange: null });
  });

  it("a refused acceptance keeps the bid countered, clears the pending change and tells the producer why", async () => {
    await acceptCounterOffer(portal().db, piet, bid.id, bid.offers[1].id);
    const detail = "Only 20.000 t of the lot are still open; the counter-offer asks for 80.000 t.";
    await answer({
      outcome: "refused",
      status: 409,
      body: { type: "urn:lotbridge:problem:volume-exceeded", title: "Conflict", status: 409, detail },
    });
    expect(await stored()).toMatchObject({ state: "countered", version: bid.version, pendingChange: null });
    expect(await notices()).toEqual([
      expect.objectContaining({
        type: "bid.refused",
        title: `Your acceptance of the buyer's counter-offer on ${lot.number} was refused`,
        body: detail,
        link: `/bids/${bid.id}`,
      }),
    ]);
  });

  it("a counter back given up after every retry is told as such", async () => {
    await counterBack(portal().db, piet, bid.id, {
      volume: "90",
      pricePerUnit: "238.00",
      deliveryTerms: "",
      message: "",
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    await answer({ outcome: "retry", error: "connect ECONNREFUSED" });
    expect(await stored()).toMatchObject({ pendingChange: null, pendingCallId: null });
    expect(await notices()).toEqual([
      expect.objectContaining({
        title: `Your counter-offer on ${lot.number} was refused`,
        body: "The buyer portal could not be reached, and this portal stopped trying. The last attempt: connect ECONNREFUSED",
      }),
    ]);
  });
});
