import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { grantOperator } from "@lotbridge/auth/grant-operator";
import type { Bid } from "@lotbridge/contract/bid";
import { call } from "@lotbridge/http/testing/test-client";
import { notification } from "@lotbridge/notifications/tables";
import { inboxMessage, outboxMessage } from "@lotbridge/webhooks/tables";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as webhook } from "@/app/api/webhooks/buyer/route";
import { producerBids } from "@/domain/bids/producer-bid-table";
import { producerContracts } from "@/domain/contracts/producer-contract-table";
import { portal } from "@/server/portal";
import { type FakeBuyerPortal, lotSnapshot, signedHeaders, startFakeBuyerPortal } from "@/test/buyer-events";
import { bidSnapshotOf, buyerEvent, contractSnapshot, holdBid } from "@/test/negotiation-snapshots";
import { MAX_ATTEMPTS } from "./apply-once";
import { integrationState } from "./integration-tables";
import { EVENT_NOT_APPLIED } from "./notify-operators-of-event";
import { reconcileEvents } from "./reconcile-events";
import { replayEvent } from "./replay-event";

const CONTEXT = { publicUrl: "http://localhost:3001" };
const lot = lotSnapshot();
let buyer: FakeBuyerPortal;
let farmId: string;
let operatorUserId: string;

beforeAll(async () => {
  buyer = await startFakeBuyerPortal();
  const { db } = portal();
  const farm = await createOrganizationWithUsers(db, { name: "Greenacre", slug: "greenacre-edge" }, [
    { name: "Piet", email: "piet@greenacre-edge.example", password: "correct-horse-battery", role: "admin" },
  ]);
  farmId = farm.organizationId;
  const ops = await createOrganizationWithUsers(db, { name: "Portal Ops", slug: "portal-ops" }, [
    { name: "Olga", email: "olga@portal-ops.example", password: "correct-horse-battery", role: "member" },
  ]);
  operatorUserId = ops.userIds[0];
  await grantOperator(db, { email: "olga@portal-ops.example", organizationSlug: "portal-ops" }, "test");
});
afterAll(() => buyer.close());

beforeEach(async () => {
  const { db } = portal();
  for (const table of [inboxMessage, outboxMessage, integrationState, producerBids, producerContracts, notification]) {
    await db.delete(table);
  }
  buyer.events.length = 0;
});

function byWebhook(event: { id: string }) {
  const body = JSON.stringify(event);
  const secret = portal().config.BUYER_WEBHOOK_SECRET[0];
  return call(webhook, "http://localhost:3001/api/webhooks/buyer", {
    headers: signedHeaders(event.id, body, secret),
    body,
  });
}
const byFeed = () =>
  reconcileEvents(portal().db, {
    ...CONTEXT,
    baseUrl: buyer.url,
    apiKey: "lbk_edge_test_key_0001",
    allowLoopback: true,
  });
const inbox = async (id: string) =>
  (await portal().db.select().from(inboxMessage).where(eq(inboxMessage.webhookId, id)))[0];
const ourBid = async (id: string) => (await portal().db.select().from(producerBids).where(eq(producerBids.id, id)))[0];
const operatorNotices = () =>
  portal().db.select().from(notification).where(eq(notification.recipientUserId, operatorUserId));

describe("a bid or contract event that is not this portal's", () => {
  it("another platform's bid with our externalBidId and organization is refused and leaves ours as it was", async () => {
    const ours = await holdBid("pbid_ours", farmId, lot, "submitted");
    const before = await ourBid(ours.id);
    // Another platform placed 5 t at 2.00 under the same externalBidId and named our organization.
    const foreign: Bid = bidSnapshotOf(ours, {
      id: "bid_secondplatform",
      volume: "5.000",
      pricePerUnit: "2.0000",
      status: "accepted",
      version: 7,
    });
    const event = buyerEvent("bid.accepted", foreign);

    const response = await byWebhook(event);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ refused: true });
    expect(await ourBid(ours.id)).toEqual(before);
    expect(await inbox(event.id)).toMatchObject({
      status: "refused",
      attempts: 1,
      lastError: `Bid pbid_ours is ${ours.buyerBidId} at the buyer portal, not bid_secondplatform.`,
      envelope: event,
    });
    expect(await operatorNotices()).toEqual([
      expect.objectContaining({ type: EVENT_NOT_APPLIED, title: expect.stringContaining("was refused: bid.accepted") }),
    ]);

    // Sent again, and read from the feed: still refused, told once, never applied.
    expect(await (await byWebhook(event)).json()).toEqual({ duplicate: true });
    buyer.events.push(event);
    expect(await byFeed()).toMatchObject({ duplicates: 1, refused: 0 });
    expect(await ourBid(ours.id)).toEqual(before);
    expect(await operatorNotices()).toHaveLength(1);
  });

  it("a contract on the foreign bid is refused: no contract row, nobody asked to sign", async () => {
    await holdBid("pbid_ours", farmId, lot, "submitted");
    const contract = contractSnapshot(farmId, { bidId: "bid_secondplatform", lotId: lot.id });
    const event = buyerEvent("contract.created", contract);
    buyer.events.push(event);

    expect(await byFeed()).toMatchObject({ refused: 1, applied: 0, cursor: "1" });

    expect(await portal().db.$count(producerContracts)).toBe(0);
    expect(await inbox(event.id)).toMatchObject({ status: "refused", lastError: expect.stringContaining(contract.id) });
    const told = await portal().db.select().from(notification).where(eq(notification.organizationId, farmId));
    expect(told).toEqual([]);
  });
});

describe("an event this portal cannot apply", () => {
  it("fails with its reason, is retried until parked, told to operators once, and a replay applies it once", async () => {
    // Our bid on the lot is still unconfirmed here, so a contract on the lot may be ours: not refused, it fails.
    await holdBid("pbid_sending", farmId, lot, "sending");
    const contract = contractSnapshot(farmId, { bidId: "bid_confirmedlater", lotId: lot.id });
    const event = buyerEvent("contract.created", contract);

    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) expect((await byWebhook(event)).status).toBe(500);
    expect(await operatorNotices()).toEqual([]);
    const last = await byWebhook(event);
    expect(last.status).toBe(200);
    expect(await last.json()).toEqual({ parked: true });
    expect(await inbox(event.id)).toMatchObject({
      status: "failed",
      attempts: MAX_ATTEMPTS,
      lastError: expect.stringMatching(/not confirmed here yet/),
      envelope: event,
    });
    expect(await portal().db.$count(producerContracts)).toBe(0);
    expect(await operatorNotices()).toEqual([
      expect.objectContaining({ title: "An event from the buyer portal could not be applied: contract.created" }),
    ]);

    // The cause goes away (the bid's confirmation arrives); the operator replays.
    await portal().db.update(producerBids).set({ buyerBidId: "bid_confirmedlater", state: "accepted" });
    expect(await replayEvent(portal().db, event.id, CONTEXT)).toEqual({ outcome: "applied" });
    expect(await replayEvent(portal().db, event.id, CONTEXT).catch((error) => error.status)).toBe(409);
    expect(await inbox(event.id)).toMatchObject({ status: "applied", lastError: null, envelope: null });
    const [stored] = await portal().db.select().from(producerContracts);
    expect(stored).toMatchObject({
      id: contract.id,
      organizationId: farmId,
      buyerBidId: "bid_confirmedlater",
    });
    expect(await operatorNotices()).toHaveLength(1);
  });

  it("an unstorable value in a feed page is parked and the page's other events and later pages are applied", async () => {
    const ours = await holdBid("pbid_ours", farmId, lot, "submitted");
    // A price beyond what either portal can store (today's main let the buyer portal send one): it cannot apply.
    const poison = buyerEvent("bid.received", bidSnapshotOf(ours, { pricePerUnit: "99999999999999.0000", version: 3 }));
    const good = buyerEvent("bid.accepted", bidSnapshotOf(ours, { status: "accepted", version: 4 }));
    const later = buyerEvent("lot.published", lot);
    buyer.events.push(poison, good);

    expect(await byFeed()).toMatchObject({ failed: 1, applied: 1, cursor: "2" });
    buyer.events.push(later);
    expect(await byFeed()).toMatchObject({ failed: 0, applied: 1, cursor: "3" });

    expect(await ourBid(ours.id)).toMatchObject({ state: "accepted", version: 4, pricePerUnit: "240.5000" });
    expect(await inbox(poison.id)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect((await inbox(poison.id)).lastError).toBeTruthy();
    expect((await inbox(poison.id)).lastError).not.toMatch(/\n\s+at /);
    // A webhook of the parked event is acknowledged, not tried again.
    expect(await (await byWebhook(poison)).json()).toEqual({ parked: true });
    expect(await inbox(poison.id)).toMatchObject({ attempts: MAX_ATTEMPTS });
  });
});

describe("the normal path", () => {
  it("an event by webhook and then by feed is applied once, and by feed then webhook too", async () => {
    const ours = await holdBid("pbid_ours", farmId, lot, "submitted");
    const accepted = buyerEvent("bid.accepted", bidSnapshotOf(ours, { status: "accepted", version: 3 }));
    expect(await (await byWebhook(accepted)).json()).toEqual({ received: true });
    buyer.events.push(accepted);
    expect(await byFeed()).toMatchObject({ applied: 0, duplicates: 1 });

    const expired = buyerEvent("bid.expired", bidSnapshotOf(ours, { status: "expired", version: 4 }));
    buyer.events.push(expired);
    expect(await byFeed()).toMatchObject({ applied: 1, duplicates: 0 });
    expect(await (await byWebhook(expired)).json()).toEqual({ duplicate: true });

    expect(await ourBid(ours.id)).toMatchObject({ state: "expired", version: 4 });
    const told = await portal().db.select().from(notification).where(eq(notification.organizationId, farmId));
    expect(told.map((n) => n.type).sort()).toEqual(["bid.accepted", "bid.expired"]);
    expect((await inbox(accepted.id)).status).toBe("applied");
  });
});
