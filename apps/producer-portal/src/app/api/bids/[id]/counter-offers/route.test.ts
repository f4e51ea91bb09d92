import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import type { Lot } from "@lotbridge/contract/lot";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { type ProducerBidRow, producerBids } from "@/domain/bids/producer-bid-table";
import { applyLotSnapshot } from "@/domain/marketplace/apply-lot-snapshot";
import { portal } from "@/server/portal";
import { lotEvent, lotSnapshot } from "@/test/buyer-events";
import { counteredThread, holdBid, offerSnapshot } from "@/test/negotiation-snapshots";
import { POST as accept } from "./[offerId]/accept/route";
import { POST as reject } from "./[offerId]/reject/route";
import { POST as counter } from "./route";

const ORIGIN = "http://localhost:3001";
const DAY = 86_400_000;
let greenacre: string;
let hillside: string;
let greenacreId: string;
let wheat: Lot;
let bid: ProducerBidRow;

const buyerOffer = (held: ProducerBidRow) => held.offers[held.offers.length - 1];
const base = (id: string) => `${ORIGIN}/api/bids/${id}/counter-offers`;
const accepting = (held: ProducerBidRow, cookie = greenacre, offerId = buyerOffer(held).id) =>
  call(accept, `${base(held.id)}/${offerId}/accept`, { method: "POST", cookie, params: { id: held.id, offerId } });
const rejecting = (held: ProducerBidRow, body?: unknown, cookie = greenacre) => {
  const offerId = buyerOffer(held).id;
  return call(reject, `${base(held.id)}/${offerId}/reject`, {
    method: "POST",
    body,
    cookie,
    params: { id: held.id, offerId },
  });
};
const countering = (held: ProducerBidRow, body: unknown, cookie = greenacre) =>
  call(counter, base(held.id), { method: "POST", body, cookie, params: { id: held.id } });
const terms = (change: Record<string, unknown> = {}) => ({
  volume: "90",
  pricePerUnit: "238.00",
  deliveryTerms: "DAP Hamburg",
  message: "Meet in the middle?",
  expiresAt: new Date(Date.now() + 3 * DAY).toISOString(),
  ...change,
});
const stored = async (id: string) => (await portal().db.select().from(producerBids).where(eq(producerBids.id, id)))[0];
const calls = () => portal().db.select().from(outboxMessage);

beforeAll(async () => {
  const { db } = portal();
  ({ organizationId: greenacreId } = await createOrganizationWithUsers(db, { name: "Greenacre", slug: "greenacre" }, [
    { name: "Piet", email: "piet@greenacre.example", password: "correct-horse-battery", role: "member" },
  ]));
  await createOrganizationWithUsers(db, { name: "Hillside", slug: "hillside" }, [
    { name: "Hanna", email: "hanna@hillside.example", password: "correct-horse-battery", role: "member" },
  ]);
  greenacre = await signIn(auth, ORIGIN, "piet@greenacre.example", "correct-horse-battery");
  hillside = await signIn(auth, ORIGIN, "hanna@hillside.example", "correct-horse-battery");
  wheat = lotSnapshot({ volume: "500.000", allocatedVolume: "200.000", minBidVolume: "50.000" });
  await db.transaction((tx) => applyLotSnapshot(tx, lotEvent("lot.published", wheat)));
});

beforeEach(async () => {
  await portal().db.delete(outboxMessage);
  await portal().db.delete(producerBids);
  bid = await holdBid("pbid_countered", greenacreId, wheat, "countered");
});

describe("answering the buyer's counter-offer", () => {
  it("accepting queues the accept call for the offer and marks the acceptance pending", async () => {
    const response = await accepting(bid);
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ state: "countered", pendingChange: { kind: "acceptance" } });
    const queued = await calls();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({
      kind: "buyer-command",
      destination: "buyer-portal",
      eventType: "offer.accept",
      eventId: expect.stringMatching(/^accept_/),
    });
    expect(queued[0].payload).toEqual({
      bidId: bid.buyerBidId,
      offerId: buyerOffer(bid).id,
      organizationId: greenacreId,
    });
    expect(await stored(bid.id)).toMatchObject({
      state: "countered",
      pendingCallId: queued[0].id,
      pendingChange: { kind: "acceptance", offerId: buyerOffer(bid).id },
    });
  });

  it("rejecting queues the reject call with the reason, or with no reason when the body is left out", async () => {
    expect((await rejecting(bid, { reason: "Too low for this quality." })).status).toBe(202);
    const other = await holdBid("pbid_other", greenacreId, wheat, "countered", { buyerBidId: "bid_other" });
    expect((await rejecting(other)).status).toBe(202);
    expect(await calls()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          eventType: "offer.reject",
          eventId: expect.stringMatching(/^reject_/),
          payload: {
            bidId: bid.buyerBidId,
            offerId: buyerOffer(bid).id,
            organizationId: greenacreId,
            rejection: { reason: "Too low for this quality." },
          },
        }),
        expect.objectContaining({
          payload: expect.objectContaining({ bidId: "bid_other", offerId: buyerOffer(other).id, rejection: {} }),
        }),
      ]),
    );
    expect(await stored(bid.id)).toMatchObject({
      pendingChange: { kind: "rejection", reason: "Too low for this quality." },
    });
  });

  it("countering back queues the producer's terms and answers 202 with the bid", async () => {
    const body = terms();
    const response = await countering(bid, body);
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ id: bid.id, pendingChange: { kind: "counter-offer" } });
    const queued = await calls();
    expect(queued).toEqual([
      expect.objectContaining({
        eventType: "offer.counter",
        eventId: expect.stringMatching(/^counter_/),
        payload: { bidId: bid.buyerBidId, organizationId: greenacreId, counter: body },
      }),
    ]);
    expect(await stored(bid.id)).toMatchObject({
      pendingCallId: queued[0].id,
      pendingChange: { kind: "counter-offer", offerId: buyerOffer(bid).id, volume: "90", pricePerUnit: "238.00" },
    });
  });
});

describe("refusing an answer, with nothing queued", () => {
  const answers = [
    ["accept", (held: ProducerBidRow, cookie = greenacre) => accepting(held, cookie)],
    ["reject", (held: ProducerBidRow, cookie = greenacre) => rejecting(held, { reason: "No." }, cookie)],
    ["counter back", (held: ProducerBidRow, cookie = greenacre) => countering(held, terms(), cookie)],
  ] as const;

  it.each(answers)("%s: a bid the buyer has not countered is 409", async (_, answer) => {
    const submitted = await holdBid("pbid_submitted", greenacreId, wheat, "submitted", {
      offers: [offerSnapshot()],
    });
    const response = await answer({ ...submitted, offers: counteredThread() });
    expect(response.status).toBe(409);
    expect((await response.json()).detail).toBe("This bid is submitted; only a countered bid can be answered.");
    expect(await calls()).toHaveLength(0);
  });

  it.each(answers)("%s: an expired counter-offer is 409", async (_, answer) => {
    const expired = await holdBid("pbid_expired", greenacreId, wheat, "countered", {
      offers: counteredThread(new Date(Date.now() - 60_000).toISOString()),
    });
    const response = await answer(expired);
    expect(response.status).toBe(409);
    const problem = await response.json();
    expect(problem.type).toBe("urn:lotbridge:problem:offer-expired");
    expect(problem.detail).toContain("expired");
    expect(await calls()).toHaveLength(0);
  });

  it.each(answers)("%s: while another answer is on its way is 409", async (_, answer) => {
    expect((await accepting(bid)).status).toBe(202);
    const response = await answer(bid);
    expect(response.status).toBe(409);
    expect((await response.json()).detail).toContain(
      "acceptance of the buyer's counter-offer is still on its way to the buyer",
    );
    expect(await calls()).toHaveLength(1);
  });

  it.each(answers)("%s: another organization's bid is 404", async (_, answer) => {
    const response = await answer(bid, hillside);
    expect(response.status).toBe(404);
    expect(await calls()).toHaveLength(0);
    expect((await stored(bid.id)).pendingChange).toBeNull();
  });

  it("the producer's own counter-offer waiting for the buyer cannot be answered by the producer", async () => {
    const mine = await holdBid("pbid_mine", greenacreId, wheat, "countered", {
      offers: [
        ...counteredThread().map((o) => ({ ...o, status: "superseded" as const })),
        offerSnapshot({ round: 3, fromParty: "producer" }),
      ],
    });
    const response = await countering(mine, terms());
    expect(response.status).toBe(409);
    expect((await response.json()).type).toBe("urn:lotbridge:problem:not-your-turn");
    expect(await calls()).toHaveLength(0);
  });

  it("accepting an offer that is no longer the pending one is 409", async () => {
    const response = await accepting(bid, greenacre, bid.offers[0].id);
    expect(response.status).toBe(409);
    expect((await response.json()).type).toBe("urn:lotbridge:problem:offer-not-pending");
    expect(await calls()).toHaveLength(0);
  });

  const badTerms: [string, Record<string, unknown>, string, string][] = [
    ["over the open volume", { volume: "300.001" }, "volume", "at most 300.000 t"],
    ["under the minimum", { volume: "10" }, "volume", "at least 50.000 t"],
    ["expiring in the past", { expiresAt: "2020-01-01T00:00:00Z" }, "expiresAt", "future"],
    ["with a number for a price", { pricePerUnit: 238 }, "pricePerUnit", "decimal"],
    ["with words for a price", { pricePerUnit: "abc" }, "pricePerUnit", "decimal"],
    ["without an expiry", { expiresAt: undefined }, "expiresAt", ""],
  ];
  it.each(badTerms)("a counter-offer %s is 422 naming the field", async (_, change, field, words) => {
    const response = await countering(bid, terms(change));
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem.errors).toEqual([{ field, message: expect.stringContaining(words) }]);
    expect(await calls()).toHaveLength(0);
    expect((await stored(bid.id)).pendingChange).toBeNull();
  });

  it("a reason that is not text is 422 naming it", async () => {
    const response = await rejecting(bid, { reason: 42 });
    expect(response.status).toBe(422);
    expect((await response.json()).errors).toEqual([{ field: "reason", message: "must be text" }]);
    expect(await calls()).toHaveLength(0);
  });

  it("without a session is 401", async () => {
    expect((await accepting(bid, "")).status).toBe(401);
    expect(await calls()).toHaveLength(0);
  });
});
