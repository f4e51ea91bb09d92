import { call } from "@lotbridge/http/testing/test-client";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { bids, offers } from "@/domain/bids/bid-table";
import { cancelLot } from "@/domain/lots/cancel-lot";
import { closeLot } from "@/domain/lots/close-lot";
import { lots } from "@/domain/lots/lot-table";
import { integrationEvents } from "@/integration/integration-tables";
import { issueApiKey } from "@/integration/issue-api-key";
import { createPlatform } from "@/integration/manage-platforms";
import { portal } from "@/server/portal";
import { bidInput, bidRowCounts, publishedLot } from "@/test/bids";
import { buyerOrganization, draftLot, notificationsOf, PUBLIC_URL } from "@/test/lots";
import { GET as getBid, PATCH as patchBid } from "./[id]/route";
import { POST as withdraw } from "./[id]/withdraw/route";
import { POST as submit } from "./route";

const BASE = "http://localhost:3000/api/bids";
let key: string;
let readOnlyKey: string;
let otherPlatformKey: string;
let mill: Awaited<ReturnType<typeof buyerOrganization>>;
let counter = 0;

beforeAll(async () => {
  const { db } = portal();
  key = (await issueApiKey(db, { name: "bids", platform: "producer-portal", scopes: ["bids:write"] })).key;
  readOnlyKey = (await issueApiKey(db, { name: "reader", platform: "producer-portal", scopes: ["lots:read"] })).key;
  await createPlatform(db, { id: "other-platform", name: "Other platform" });
  otherPlatformKey = (await issueApiKey(db, { name: "other", platform: "other-platform", scopes: ["bids:write"] })).key;
  mill = await buyerOrganization("Hamburg Mill");
});

const post = (body: unknown, { idempotencyKey = `idem-${++counter}`, apiKey = key as string | null } = {}) =>
  call(submit, BASE, {
    body,
    headers: {
      ...(apiKey ? { "x-api-key": apiKey } : {}),
      ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
    },
  });
const asProducer = (organizationId: string | null, apiKey = key) => ({
  "x-api-key": apiKey,
  ...(organizationId ? { "x-producer-organization": organizationId } : {}),
});
const read = (id: string, organizationId: string | null, apiKey = key) =>
  call(getBid, `${BASE}/${id}`, { headers: asProducer(organizationId, apiKey), params: { id } });
const revise = (id: string, organizationId: string, body: unknown, apiKey = key) =>
  call(patchBid, `${BASE}/${id}`, {
    method: "PATCH",
    body,
    headers: asProducer(organizationId, apiKey),
    params: { id },
  });
const withdrawIt = (id: string, organizationId: string, extra: Record<string, string> = {}) =>
  call(withdraw, `${BASE}/${id}/withdraw`, {
    method: "POST",
    headers: { ...asProducer(organizationId), ...extra },
    params: { id },
  });

async function placed(lotId: string, organizationId: string, change: Record<string, unknown> = {}) {
  const response = await post(bidInput(lotId, organizationId, change));
  expect(response.status).toBe(201);
  return response.json();
}

async function expectRefused(response: Response, status: number, type: string, field?: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  const problem = await response.json();
  expect(problem.type).toBe(`urn:lotbridge:problem:${type}`);
  expect(problem.detail).toEqual(expect.any(String));
  if (field) expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
  return problem;
}

describe("POST /api/bids", () => {
  it("stores a valid bid linked to the lot, tells the buyer's users in the app and by email, and sends bid.received", async () => {
    const lot = await publishedLot(mill);
    const input = bidInput(lot.id, "porg_green_acres");
    const response = await post(input);
    expect(response.status).toBe(201);
    const bid = await response.json();
    expect(bid).toMatchObject({
      lotId: lot.id,
      lotNumber: lot.number,
      status: "submitted",
      source: "producer-portal",
      externalBidId: input.externalBidId,
      bidder: input.bidder,
      volume: "120.000",
      pricePerUnit: "245.5000",
      currency: "EUR",
      total: "29460.00",
      version: 1,
    });
    expect(bid.offers).toMatchObject([{ round: 1, fromParty: "producer", status: "pending", total: "29460.00" }]);

    const { db } = portal();
    const [row] = await db.select().from(bids).where(eq(bids.id, bid.id));
    expect(row).toMatchObject({
      lotId: lot.id,
      source: "producer-portal",
      externalBidId: input.externalBidId,
      bidderOrganizationId: "porg_green_acres",
      bidderName: "Petra Bauer",
      bidderEmail: "petra@farm.example",
    });

    for (const userId of [mill.userId, mill.memberUserId]) {
      const received = (await notificationsOf(userId)).filter((n) => n.type === "bid.received");
      expect(received).toHaveLength(1);
      expect(received[0].title).toBe(`New bid received on ${lot.number} Milling wheat`);
      expect(received[0].body).toContain("Farm porg_green_acres");
      expect(received[0].body).toContain("120 t at EUR 245.50 / t (total EUR 29,460.00)");
      expect(received[0].link).toBe(`/lots/${lot.id}`);
    }
    const emails = await db.select().from(outboxMessage).where(eq(outboxMessage.kind, "email"));
    const bidEmails = emails.filter((m) => JSON.stringify(m.payload).includes(`New bid received on ${lot.number}`));
    expect(bidEmails).toHaveLength(2);

    const events = await db.select().from(integrationEvents).where(eq(integrationEvents.type, "bid.received"));
    const mine = events.filter((e) => (e.envelope as { data: { id: string } }).data.id === bid.id);
    expect(mine).toHaveLength(1);
    expect((mine[0].envelope as { data: unknown }).data).toEqual(bid);
    const webhooks = await db
      .select()
      .from(outboxMessage)
      .where(and(eq(outboxMessage.kind, "webhook"), eq(outboxMessage.eventId, mine[0].id)));
    expect(webhooks.map((w) => w.eventType)).toEqual(["bid.received"]);
  });

  it("creates one bid for the same Idempotency-Key sent twice, and answers the same both times", async () => {
    const lot = await publishedLot(mill);
    const input = bidInput(lot.id, "porg_twice");
    const first = await post(input, { idempotencyKey: "same-bid" });
    const before = await bidRowCounts();
    const again = await post(input, { idempotencyKey: "same-bid" });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    expect(await portal().db.$count(bids, eq(bids.lotId, lot.id))).toBe(1);
    expect(await bidRowCounts()).toEqual(before);
  });

  it("refuses a second live bid of the same producer org on a lot with 409, but lets it revise", async () => {
    const lot = await publishedLot(mill);
    const first = await placed(lot.id, "porg_eager");
    const before = await bidRowCounts();
    const problem = await expectRefused(
      await post(bidInput(lot.id, "porg_eager", { pricePerUnit: "240" })),
      409,
      "live-bid-exists",
      "bidder.organizationId",
    );
    expect(problem.detail).toContain(first.id);
    expect(problem.detail).toContain("revise");
    expect(await bidRowCounts()).toEqual(before);

    const revised = await revise(first.id, "porg_eager", { pricePerUnit: "240", volume: "150" });
    expect(revised.status).toBe(200);
    const bid = await revised.json();
    expect(bid).toMatchObject({ status: "submitted", volume: "150.000", pricePerUnit: "240.0000", version: 2 });
    expect(bid.offers.map((o: { round: number; status: string }) => [o.round, o.status])).toEqual([
      [1, "superseded"],
      [2, "pending"],
    ]);
    const revisedNotes = (await notificationsOf(mill.userId)).filter((n) => n.type === "bid.revised");
    expect(revisedNotes.at(-1)?.title).toBe(`Farm porg_eager revised their bid on ${lot.number} Milling wheat`);
    const events = await portal().db.select().from(integrationEvents);
    const versions = events
      .map((e) => e.envelope as { type: string; data: { id: string; version: number } })
      .filter((e) => e.data.id === first.id)
      .map((e) => [e.type, e.data.version]);
    expect(versions).toEqual([
      ["bid.received", 1],
      ["bid.received", 2],
    ]);

    // Another producer org on the same lot is a different bidder.
    await placed(lot.id, "porg_neighbour");
  });

  it("refuses a bid under an external id already received with 409, whatever its lot or organization, and stores nothing", async () => {
    const [lot, otherLot] = [await publishedLot(mill), await publishedLot(mill)];
    const first = await placed(lot.id, "porg_reused");
    const before = await bidRowCounts();
    for (const [lotId, organizationId] of [
      [otherLot.id, "porg_reused"],
      [lot.id, "porg_someone_else"],
    ]) {
      const problem = await expectRefused(
        await post(bidInput(lotId, organizationId, { externalBidId: first.externalBidId })),
        409,
        "external-bid-id-taken",
        "externalBidId",
      );
      expect(problem.detail).toContain(first.id);
    }
    expect(await bidRowCounts()).toEqual(before);

    // The same organization may bid on another lot, under a new id; another platform may use the same id.
    expect((await post(bidInput(otherLot.id, "porg_reused"))).status).toBe(201);
    const theirs = await post(bidInput(lot.id, "porg_reused", { externalBidId: first.externalBidId }), {
      apiKey: otherPlatformKey,
    });
    expect(theirs.status).toBe(201);
  });

  it("refuses bad bids with a problem naming what is wrong, and stores nothing", async () => {
    const lot = await publishedLot(mill, { volume: "500", minBidVolume: "50" });
    const whole = await publishedLot(mill, { volume: "300", partialBidsAllowed: false, minBidVolume: "300" });
    const draft = await draftLot(mill);
    const closed = await publishedLot(mill);
    await closeLot(portal().db, closed.id, { actor: mill, publicUrl: PUBLIC_URL });
    const cancelled = await publishedLot(mill);
    await cancelLot(portal().db, cancelled.id, { actor: mill, publicUrl: PUBLIC_URL });
    const before = await bidRowCounts();

    await expectRefused(
      await post(bidInput(lot.id, "p", { volume: "500.001" })),
      422,
      "volume-exceeds-remaining",
      "volume",
    );
    await expectRefused(await post(bidInput(lot.id, "p", { volume: "49.999" })), 422, "volume-below-minimum", "volume");
    await expectRefused(await post(bidInput(lot.id, "p", { currency: "USD" })), 422, "currency-mismatch", "currency");
    await expectRefused(
      await post(bidInput(whole.id, "p", { volume: "299" })),
      422,
      "partial-bids-not-allowed",
      "volume",
    );
    await expectRefused(
      await post(bidInput(lot.id, "p", { validUntil: new Date(Date.now() - 1000).toISOString() })),
      422,
      "valid-until-passed",
      "validUntil",
    );
    await expectRefused(await post(bidInput(closed.id, "p")), 409, "lot-not-open", "lotId");
    await expectRefused(await post(bidInput(cancelled.id, "p")), 409, "lot-not-open", "lotId");
    await expectRefused(await post(bidInput(draft.id, "p")), 404, "lot-not-found", "lotId");
    await expectRefused(await post(bidInput("lot_doesnotexist0000000000000", "p")), 404, "lot-not-found", "lotId");
    const { volume: _, ...noVolume } = bidInput(lot.id, "p");
    await expectRefused(await post(noVolume), 422, "validation", "volume");
    await expectRefused(await post(bidInput(lot.id, "p", { volume: 120 })), 422, "validation", "volume");
    await expectRefused(await post(bidInput(lot.id, "p", { bidder: "Farm" })), 422, "validation", "bidder");
    await expectRefused(await post(bidInput(lot.id, "p", { pricePerUnit: "-1" })), 422, "validation", "pricePerUnit");
    await expectRefused(await post(bidInput(lot.id, "p", { currency: "EURO" })), 422, "validation", "currency");
    await expectRefused(await post(bidInput(lot.id, "p"), { idempotencyKey: "" }), 400, "validation");
    await expectRefused(await post(bidInput(lot.id, "p"), { apiKey: readOnlyKey }), 403, "forbidden");
    await expectRefused(await post(bidInput(lot.id, "p"), { apiKey: null }), 401, "unauthenticated");
    await expectRefused(await post(bidInput(lot.id, "p"), { apiKey: "lbk_wrong-wrong-wrong" }), 401, "unauthenticated");

    expect(await bidRowCounts()).toEqual(before);
  });

  it("takes the whole remaining volume even when it is below the minimum, but no more than remains", async () => {
    const lot = await publishedLot(mill, { volume: "500", minBidVolume: "50" });
    await portal().db.update(lots).set({ allocatedVolume: "470" }).where(eq(lots.id, lot.id));
    await placed(lot.id, "porg_last_30", { volume: "30" });
    await expectRefused(
      await post(bidInput(lot.id, "porg_too_much", { volume: "31" })),
      422,
      "volume-exceeds-remaining",
    );
  });
});

describe("a bid after submission", () => {
  it("answers only the producer org that placed it: another org or platform gets 404 and changes nothing", async () => {
    const lot = await publishedLot(mill);
    const bid = await placed(lot.id, "porg_owner");
    const own = await read(bid.id, "porg_owner");
    expect(own.status).toBe(200);
    expect(await own.json()).toEqual(bid);

    const before = await bidRowCounts();
    await expectRefused(await read(bid.id, "porg_intruder"), 404, "not-found");
    await expectRefused(await read(bid.id, "porg_owner", otherPlatformKey), 404, "not-found");
    await expectRefused(await read(bid.id, null), 400, "validation", "X-Producer-Organization");
    await expectRefused(await revise(bid.id, "porg_intruder", { pricePerUnit: "1" }), 404, "not-found");
    await expectRefused(await withdrawIt(bid.id, "porg_intruder"), 404, "not-found");
    await expectRefused(await read(bid.id, "porg_owner", readOnlyKey), 403, "forbidden");
    expect(await bidRowCounts()).toEqual(before);
    expect((await (await read(bid.id, "porg_owner")).json()).version).toBe(1);
  });

  it("withdraws a submitted bid once, sends bid.withdrawn, and then refuses revising or withdrawing it again", async () => {
    const lot = await publishedLot(mill);
    const bid = await placed(lot.id, "porg_leaving");
    const response = await withdrawIt(bid.id, "porg_leaving", { "idempotency-key": "withdraw-1" });
    expect(response.status).toBe(200);
    const withdrawn = await response.json();
    expect(withdrawn).toMatchObject({ status: "withdrawn", version: 2 });
    expect(withdrawn.offers.map((o: { status: string }) => o.status)).toEqual(["superseded"]);
    const retried = await withdrawIt(bid.id, "porg_leaving", { "idempotency-key": "withdraw-1" });
    expect(retried.status).toBe(200);
    expect(await retried.json()).toEqual(withdrawn);

    const notes = (await notificationsOf(mill.memberUserId)).filter((n) => n.type === "bid.withdrawn");
    expect(notes.at(-1)?.title).toBe(`Farm porg_leaving withdrew their bid on ${lot.number} Milling wheat`);
    const types = (await portal().db.select().from(integrationEvents))
      .map((e) => e.envelope as { type: string; data: { id: string } })
      .filter((e) => e.data.id === bid.id)
      .map((e) => e.type);
    expect(types).toEqual(["bid.received", "bid.withdrawn"]);

    const before = await bidRowCounts();
    await expectRefused(await withdrawIt(bid.id, "porg_leaving"), 409, "bid-not-submitted");
    await expectRefused(await revise(bid.id, "porg_leaving", { volume: "100" }), 409, "bid-not-submitted");
    expect(await bidRowCounts()).toEqual(before);

    // A withdrawn bid no longer blocks a new one.
    await placed(lot.id, "porg_leaving");
  });

  it("refuses a revision that breaks the lot's rules, or of a bid no longer submitted, and stores nothing", async () => {
    const lot = await publishedLot(mill);
    const bid = await placed(lot.id, "porg_reviser");
    const countered = await placed(lot.id, "porg_countered");
    await portal().db.update(bids).set({ status: "countered" }).where(eq(bids.id, countered.id));
    const before = await bidRowCounts();
    await expectRefused(
      await revise(bid.id, "porg_reviser", { volume: "501" }),
      422,
      "volume-exceeds-remaining",
      "volume",
    );
    await expectRefused(await revise(bid.id, "porg_reviser", { volume: "10" }), 422, "volume-below-minimum", "volume");
    await expectRefused(await revise(bid.id, "porg_reviser", {}), 422, "validation");
    await expectRefused(await revise(bid.id, "porg_reviser", { volume: 10 }), 422, "validation", "volume");
    await expectRefused(await revise(countered.id, "porg_countered", { volume: "100" }), 409, "bid-not-submitted");
    await expectRefused(await withdrawIt(countered.id, "porg_countered"), 409, "bid-not-submitted");
    await closeLot(portal().db, lot.id, { actor: mill, publicUrl: PUBLIC_URL });
    const afterClose = await bidRowCounts();
    await expectRefused(await revise(bid.id, "porg_reviser", { volume: "100" }), 409, "lot-not-open", "lotId");
    expect(await bidRowCounts()).toEqual(afterClose);
    expect(afterClose.bids).toBe(before.bids);
    expect(await portal().db.$count(offers, eq(offers.bidId, bid.id))).toBe(1);
  });
});
