import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import type { CurrentMember } from "@lotbridge/auth/current-member";
import { notification } from "@lotbridge/notifications/tables";
import { createDispatcher } from "@lotbridge/webhooks/create-dispatcher";
import { deliveryAttempt, outboxMessage } from "@lotbridge/webhooks/tables";
import { type Responder, startTestReceiver, type TestReceiver } from "@lotbridge/webhooks/testing/test-receiver";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { acceptCounterOffer } from "@/domain/bids/accept-counter-offer";
import { type ProducerBidRow, producerBids } from "@/domain/bids/producer-bid-table";
import { applyLotSnapshot } from "@/domain/marketplace/apply-lot-snapshot";
import { portal } from "@/server/portal";
import { lotEvent, lotSnapshot } from "@/test/buyer-events";
import { bidSnapshotOf, holdBid } from "@/test/negotiation-snapshots";
import { commandAnswerHooks } from "./answers";
import { BUYER_COMMAND } from "./commands-out";
import { commandTransport } from "./commands-out-transport";

const PUBLIC_URL = "http://localhost:3001";
/** Three attempts, no waiting between them: the documented schedule, compressed. */
const SCHEDULE = [0, 0, 0];
const LEASE_MS = 300;
const lot = lotSnapshot();
let piet: CurrentMember;
let bid: ProducerBidRow;
let buyer: TestReceiver;
let respond: Responder;
let seenBefore = 0;
const sent = () => buyer.requests.slice(seenBefore);

const accepted = () => bidSnapshotOf(bid, { status: "accepted", volume: "80.000", pricePerUnit: "236.0000" });
const acceptCall = async () =>
  (await portal().db.select().from(outboxMessage).where(eq(outboxMessage.kind, BUYER_COMMAND)))[0];
const attempts = (messageId: string) =>
  portal()
    .db.select()
    .from(deliveryAttempt)
    .where(eq(deliveryAttempt.messageId, messageId))
    .orderBy(asc(deliveryAttempt.attemptNumber));
const notices = () => portal().db.select().from(notification).where(eq(notification.type, "bid.refused"));

/** Runs the producer's dispatcher as start-integration does, once per lease, `rounds` times. */
async function dispatch(rounds: number): Promise<void> {
  const dispatcher = createDispatcher({
    db: portal().db,
    databaseUrl: "",
    schedule: SCHEDULE,
    leaseMs: LEASE_MS,
    transports: { [BUYER_COMMAND]: commandTransport({ baseUrl: buyer.url, apiKey: "lbk_dead", allowLoopback: true }) },
    ...commandAnswerHooks(PUBLIC_URL, () => {}),
  });
  for (let round = 0; round < rounds; round++) {
    await dispatcher.runOnce();
    // Past the lease, so a message whose outcome was not recorded would be claimed again.
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 50));
  }
}

beforeAll(async () => {
  const created = await createOrganizationWithUsers(portal().db, { name: "Greenacre", slug: "greenacre-dead" }, [
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
  buyer = await startTestReceiver((request, index) => respond(request, index));
});

afterAll(() => buyer.close());

beforeEach(async () => {
  await portal().db.delete(outboxMessage);
  await portal().db.delete(notification);
  await portal().db.delete(producerBids);
  bid = await holdBid("pbid_dead", piet.organizationId, lot, "countered", { buyerBidId: "bid_dead" });
  await acceptCounterOffer(portal().db, piet, bid.id, bid.offers[1].id);
  seenBefore = buyer.requests.length;
});

afterEach(async () => {
  await portal().db.execute(sql`drop trigger if exists refuse_accepted on producer_bid`);
});

describe("the producer's accept command when nothing can come of it", () => {
  it("an answer this portal cannot record is retried on the schedule, then dead, and the producer is told why", async () => {
    // The buyer accepted (its contract exists), but this database refuses the accepted bid: the answer handler throws.
    respond = () => ({
      status: 200,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(accepted()),
    });
    await portal().db.execute(sql`
      create or replace function refuse_accepted() returns trigger language plpgsql as $$
      begin
        if new.state = 'accepted' then raise exception 'this database refuses the accepted bid'; end if;
        return new;
      end $$`);
    await portal().db.execute(
      sql`create trigger refuse_accepted before update on producer_bid for each row execute function refuse_accepted()`,
    );

    await dispatch(SCHEDULE.length + 3);

    const call = await acceptCall();
    expect(call).toMatchObject({ status: "dead", attempts: SCHEDULE.length, deliveredAt: null });
    expect(call.lastError).toContain("The answer could not be recorded: ");
    expect(sent()).toHaveLength(SCHEDULE.length);
    // Every attempt carried the same Idempotency-Key, so the buyer portal answered the first acceptance again.
    expect(new Set(sent().map((request) => request.headers["idempotency-key"])).size).toBe(1);
    expect((await attempts(call.id)).map((attempt) => attempt.outcome)).toEqual(["failed", "failed", "failed"]);
    expect((await portal().db.select().from(producerBids).where(eq(producerBids.id, bid.id)))[0]).toMatchObject({
      state: "countered",
      pendingCallId: null,
      pendingChange: null,
    });
    expect(await notices()).toEqual([
      expect.objectContaining({
        title: `Your acceptance of the buyer's counter-offer on ${lot.number} was refused`,
        body: expect.stringContaining("The answer could not be recorded"),
      }),
    ]);
  });

  it("a buyer portal answering 500 is tried exactly as often as the schedule says, then dead with the reason", async () => {
    respond = () => ({ status: 500, body: "boom" });
    await dispatch(SCHEDULE.length + 2);
    const call = await acceptCall();
    expect(call).toMatchObject({ status: "dead", attempts: SCHEDULE.length, lastStatus: 500 });
    expect(sent()).toHaveLength(SCHEDULE.length);
    expect(await notices()).toEqual([
      expect.objectContaining({
        body: expect.stringContaining("answered 500"),
        link: `/bids/${bid.id}`,
      }),
    ]);
  });
});
