import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import type { Bid } from "@lotbridge/contract/bid";
import { API_VERSION } from "@lotbridge/contract/event-envelope";
import type { Lot } from "@lotbridge/contract/lot";
import { notification } from "@lotbridge/notifications/tables";
import { type OutboxMessage, outboxMessage } from "@lotbridge/webhooks/tables";
import { startTestReceiver, type TestReceiver } from "@lotbridge/webhooks/testing/test-receiver";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyLotSnapshot } from "@/domain/marketplace/apply-lot-snapshot";
import { recordCommandAnswer as recordBuyerAnswer } from "@/integration/answers";
import { commandTransport } from "@/integration/commands-out-transport";
import { handleBuyerEvent } from "@/integration/handle-buyer-event";
import { portal } from "@/server/portal";
import { eventId, lotEvent, lotSnapshot } from "@/test/buyer-events";
import { placeBid } from "./place-bid";
import { type ProducerBidRow, producerBids } from "./producer-bid-table";
import { reviseBid } from "./revise-bid";

const CONTEXT = { publicUrl: "http://localhost:3001" };

const PUBLIC_URL = "http://localhost:3001";
const API_KEY = "lbk_test_bids";
let organizationId: string;
let userId: string;
let lot: Lot;
let buyer: TestReceiver;
/** What the stand-in buyer portal answers the next call. */
let nextAnswer: (body: { externalBidId?: string }) => { status: number; body: unknown };

const snapshotOf = (bid: ProducerBidRow, change: Partial<Bid> = {}): Bid => ({
  id: `bid_${bid.id.slice(5, 20)}`,
  lotId: lot.id,
  lotNumber: lot.number,
  status: "submitted",
  source: "producer-portal",
  externalBidId: bid.id,
  bidder: { organizationId, organizationName: "Greenacre", name: "Piet", email: "piet@greenacre.example" },
  volume: bid.volume,
  pricePerUnit: bid.pricePerUnit,
  currency: "EUR",
  total: "24050.00",
  deliveryTerms: bid.deliveryTerms,
  message: bid.message,
  validUntil: bid.validUntil.toISOString(),
  rejectionReason: null,
  createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
  version: 1,
  offers: [],
  ...change,
});

async function place(): Promise<ProducerBidRow> {
  const bidder = {
    userId,
    organizationId,
    organizationName: "Greenacre",
    name: "Piet",
    email: "piet@greenacre.example",
    role: "member" as const,
  };
  return placeBid(portal().db, bidder, lot.id, {
    volume: "100",
    pricePerUnit: "240.50",
    currency: "EUR",
    deliveryTerms: "DAP",
    message: "",
    validUntil: new Date(Date.now() + 86_400_000).toISOString(),
  });
}

/**
 * Sends the bid's queued submit call (or the call carrying its pending change) to the stand-in buyer portal over
 * HTTP and records the answer, as the dispatcher does.
 */
async function deliver(bid: ProducerBidRow): Promise<void> {
  const { db } = portal();
  const { pendingCallId } = await stored(bid.id);
  const [message] = await db
    .select()
    .from(outboxMessage)
    .where(pendingCallId ? eq(outboxMessage.id, pendingCallId) : eq(outboxMessage.eventId, bid.id));
  const transport = commandTransport({ baseUrl: buyer.url, apiKey: API_KEY, allowLoopback: true });
  const result = await transport.send(message as OutboxMessage, new AbortController().signal);
  await db.transaction((tx) => recordBuyerAnswer(tx, PUBLIC_URL, message, result));
}

const stored = async (id: string) => (await portal().db.select().from(producerBids).where(eq(producerBids.id, id)))[0];
const notices = (type: string) =>
  portal()
    .db.select()
    .from(notification)
    .where(and(eq(notification.organizationId, organizationId), eq(notification.type, type)));

beforeAll(async () => {
  const { db } = portal();
  const created = await createOrganizationWithUsers(db, { name: "Greenacre", slug: "greenacre-answers" }, [
    { name: "Piet", email: "piet@greenacre.example", password: "correct-horse-battery", role: "member" },
  ]);
  organizationId = created.organizationId;
  userId = created.userIds[0];
  lot = lotSnapshot();
  await db.transaction((tx) => applyLotSnapshot(tx, lotEvent("lot.published", lot)));
  buyer = await startTestReceiver((request) => {
    const answer = nextAnswer(JSON.parse(request.body));
    const type = answer.status < 300 ? "application/json" : "application/problem+json";
    return { status: answer.status, headers: { "content-type": type }, body: JSON.stringify(answer.body) };
  });
});

afterAll(() => buyer.close());

describe("the buyer portal's answer to a bid", () => {
  it("a delivered answer marks the bid submitted under the buyer's id", async () => {
    const bid = await place();
    nextAnswer = () => ({ status: 201, body: snapshotOf(bid) });
    await deliver(bid);
    expect(await stored(bid.id)).toMatchObject({ state: "submitted", buyerBidId: snapshotOf(bid).id });
    const sent = buyer.requests.at(-1);
    expect(sent?.headers["idempotency-key"]).toBe(bid.id);
    expect(sent?.headers["x-api-key"]).toBe(API_KEY);
  });

  it("a refusal marks the bid refused with the buyer's reason and tells the producer organization", async () => {
    const bid = await place();
    const detail = "Greenacre already holds a live bid on this lot; revise that one instead.";
    nextAnswer = () => ({
      status: 409,
      body: { type: "urn:lotbridge:problem:live-bid-exists", title: "Conflict", status: 409, detail },
    });
    await deliver(bid);
    expect(await stored(bid.id)).toMatchObject({ state: "refused", refusalReason: detail, buyerBidId: null });
    expect(await notices("bid.refused")).toEqual([
      expect.objectContaining({
        title: `Your bid on ${lot.number} was refused`,
        body: detail,
        link: `/bids/${bid.id}`,
      }),
    ]);
  });

  it("a bid.received event confirms a bid whose answer was lost, and tells the producer once", async () => {
    const bid = await place();
    const event = { id: eventId(), type: "bid.received", createdAt: new Date().toISOString(), apiVersion: API_VERSION };
    const received = { ...event, data: snapshotOf(bid) };
    await portal().db.transaction((tx) => handleBuyerEvent(tx, received, CONTEXT));
    await portal().db.transaction((tx) => handleBuyerEvent(tx, { ...received, id: eventId() }, CONTEXT));
    expect(await stored(bid.id)).toMatchObject({ state: "submitted", buyerBidId: snapshotOf(bid).id, version: 1 });
    expect(await notices("bid.received")).toHaveLength(1);

    const withdrawn = {
      ...event,
      id: eventId(),
      type: "bid.withdrawn",
      data: snapshotOf(bid, { status: "withdrawn", version: 2 }),
    };
    await portal().db.transaction((tx) => handleBuyerEvent(tx, withdrawn, CONTEXT));
    expect(await stored(bid.id)).toMatchObject({ state: "withdrawn", version: 2 });
  });
});

describe("the buyer portal's answer to a revision", () => {
  async function submitted(): Promise<ProducerBidRow> {
    const bid = await place();
    nextAnswer = () => ({ status: 201, body: snapshotOf(bid) });
    await deliver(bid);
    return stored(bid.id);
  }
  const revise = (bid: ProducerBidRow) =>
    reviseBid(portal().db, organizationId, bid.id, { pricePerUnit: "236.00", volume: "120" });

  it("a delivered revision takes the buyer's new snapshot and clears the pending change; its event tells nobody", async () => {
    const bid = await submitted();
    await revise(bid);
    const revised = snapshotOf(bid, { pricePerUnit: "236.0000", volume: "120.000", version: 2 });
    nextAnswer = () => ({ status: 200, body: revised });
    await deliver(bid);
    const sent = buyer.requests.at(-1);
    expect(sent?.method).toBe("PATCH");
    expect(sent?.headers["x-producer-organization"]).toBe(organizationId);
    expect(await stored(bid.id)).toMatchObject({
      state: "submitted",
      pricePerUnit: "236.0000",
      volume: "120.000",
      version: 2,
      pendingCallId: null,
      pendingChange: null,
    });
    const told = (await notices("bid.received")).length;
    const event = { id: eventId(), type: "bid.received", createdAt: new Date().toISOString(), apiVersion: API_VERSION };
    await portal().db.transaction((tx) => handleBuyerEvent(tx, { ...event, data: revised }, CONTEXT));
    expect(await notices("bid.received")).toHaveLength(told);
  });

  it("a refused revision keeps the terms, clears the pending change and tells the producer why", async () => {
    const bid = await submitted();
    await revise(bid);
    const detail = "This bid is countered; only a submitted bid can be revised.";
    nextAnswer = () => ({ status: 409, body: { type: "urn:x", title: "Conflict", status: 409, detail } });
    await deliver(bid);
    expect(await stored(bid.id)).toMatchObject({
      state: "submitted",
      pricePerUnit: "240.5000",
      pendingCallId: null,
      pendingChange: null,
    });
    const told = (await notices("bid.refused")).filter((n) => n.title.includes("revision"));
    expect(told).toEqual([
      expect.objectContaining({ title: `Your revision of the bid on ${lot.number} was refused`, body: detail }),
    ]);
  });

  it("a submit call given up after every retry marks the bid refused and says so", async () => {
    const bid = await place();
    const [message] = await portal().db.select().from(outboxMessage).where(eq(outboxMessage.eventId, bid.id));
    await portal().db.transaction((tx) =>
      recordBuyerAnswer(tx, PUBLIC_URL, message, { outcome: "retry", error: "connect ECONNREFUSED" }),
    );
    expect(await stored(bid.id)).toMatchObject({
      state: "refused",
      refusalReason:
        "The buyer portal could not be reached, and this portal stopped trying. The last attempt: connect ECONNREFUSED",
    });
  });
});
