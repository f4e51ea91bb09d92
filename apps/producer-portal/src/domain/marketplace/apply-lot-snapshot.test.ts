import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { API_VERSION } from "@lotbridge/contract/event-envelope";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { inboxMessage } from "@lotbridge/webhooks/tables";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { GET as getLot } from "@/app/api/marketplace/lots/[id]/route";
import { GET as listLots } from "@/app/api/marketplace/lots/route";
import { POST as webhook } from "@/app/api/webhooks/buyer/route";
import { reconcileEvents } from "@/integration/reconcile-events";
import { portal } from "@/server/portal";
import {
  eventId,
  type FakeBuyerPortal,
  lotEvent,
  lotSnapshot,
  signedHeaders,
  startFakeBuyerPortal,
} from "@/test/buyer-events";
import { marketLots } from "./market-lot-table";

const BASE = "http://localhost:3001";
let producer: string;
let buyer: FakeBuyerPortal;

beforeAll(async () => {
  await createOrganizationWithUsers(portal().db, { name: "Greenacre", slug: "greenacre" }, [
    { name: "Piet", email: "piet@greenacre.example", password: "correct-horse-battery", role: "member" },
  ]);
  producer = await signIn(auth, BASE, "piet@greenacre.example", "correct-horse-battery");
  buyer = await startFakeBuyerPortal();
});
afterAll(() => buyer.close());

async function deliver(event: { id: string }) {
  const body = JSON.stringify(event);
  const secret = portal().config.BUYER_WEBHOOK_SECRET[0];
  const response = await call(webhook, `${BASE}/api/webhooks/buyer`, {
    headers: signedHeaders(event.id, body, secret),
    body,
  });
  expect(response.status).toBe(200);
  return response.json();
}

const listed = async (query = "") => {
  const response = await call(listLots, `${BASE}/api/marketplace/lots?limit=100${query}`, { cookie: producer });
  return (await response.json()).data as { id: string; version: number; title: string }[];
};
const open = (id: string) => call(getLot, `${BASE}/api/marketplace/lots/${id}`, { cookie: producer, params: { id } });

describe("the marketplace replica", () => {
  it("lists a published lot with exactly the buyer portal's values, plus the remaining volume", async () => {
    const lot = lotSnapshot({ allocatedVolume: "120.500" });
    expect(await deliver(lotEvent("lot.published", lot))).toEqual({ received: true });
    const response = await open(lot.id);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ...lot, remainingVolume: "379.500" });
    expect((await listed()).map((l) => l.id)).toContain(lot.id);
  });

  it("applies a newer snapshot and ignores an older one arriving late, whatever the order", async () => {
    const v2 = lotSnapshot({ version: 2, title: "Milling wheat" });
    const v3 = { ...v2, version: 3, title: "Milling wheat, 13 % protein" };
    const v4 = { ...v2, version: 4, title: "Milling wheat, deadline extended" };
    await deliver(lotEvent("lot.updated", v3));
    await deliver(lotEvent("lot.published", v2));
    expect(await (await open(v2.id)).json()).toMatchObject({ version: 3, title: v3.title });
    await deliver(lotEvent("lot.updated", v4));
    await deliver(lotEvent("lot.updated", v3));
    expect(await (await open(v2.id)).json()).toMatchObject({ version: 4, title: v4.title });
    // Each of the four events is recorded once in the inbox, applied or not.
    expect(await portal().db.$count(inboxMessage)).toBeGreaterThanOrEqual(4);
  });

  it("applies the same event delivered twice only once", async () => {
    const lot = lotSnapshot();
    const event = lotEvent("lot.published", lot);
    await deliver(event);
    const receivedAt = async () =>
      (await portal().db.select().from(marketLots).where(eq(marketLots.id, lot.id)))[0].receivedAt.toISOString();
    const first = await receivedAt();
    expect(await deliver(event)).toEqual({ duplicate: true });
    expect(await receivedAt()).toBe(first);
    expect((await listed()).filter((l) => l.id === lot.id)).toHaveLength(1);
  });

  it("takes a cancelled lot off the marketplace, yet a producer can still read that it was cancelled", async () => {
    const lot = lotSnapshot();
    await deliver(lotEvent("lot.published", lot));
    await deliver(lotEvent("lot.cancelled", { ...lot, status: "cancelled", version: lot.version + 1 }));
    expect((await listed()).map((l) => l.id)).not.toContain(lot.id);
    expect(await (await open(lot.id)).json()).toMatchObject({ status: "cancelled" });
  });

  it("removes a deleted lot for good: an older snapshot arriving afterwards does not bring it back", async () => {
    const lot = lotSnapshot({ version: 5 });
    await deliver(lotEvent("lot.published", lot));
    const deleted = {
      id: eventId(),
      type: "lot.deleted",
      createdAt: new Date().toISOString(),
      apiVersion: API_VERSION,
      data: { id: lot.id, number: lot.number, version: 6 },
    };
    await deliver(deleted);
    await deliver(lotEvent("lot.updated", { ...lot, version: 5 }));
    expect((await open(lot.id)).status).toBe(404);
    expect((await listed()).map((l) => l.id)).not.toContain(lot.id);

    const neverSeen = {
      ...deleted,
      id: eventId(),
      data: { id: "lot_neverseen", number: "LOT-2026-999999", version: 3 },
    };
    await deliver(neverSeen);
    await deliver(lotEvent("lot.published", lotSnapshot({ id: "lot_neverseen", version: 2 })));
    expect((await open("lot_neverseen")).status).toBe(404);
  });

  it("hides closed and awarded lots from the marketplace, and shows them by address", async () => {
    const closed = lotSnapshot();
    await deliver(lotEvent("lot.published", closed));
    await deliver(lotEvent("lot.closed", { ...closed, status: "closed", version: 3 }));
    const awarded = lotSnapshot({ volume: "100.000", allocatedVolume: "0.000" });
    await deliver(lotEvent("lot.awarded", { ...awarded, status: "awarded", allocatedVolume: "100.000", version: 4 }));
    const ids = (await listed()).map((l) => l.id);
    expect(ids).not.toContain(closed.id);
    expect(ids).not.toContain(awarded.id);
    expect(await (await open(awarded.id)).json()).toMatchObject({ status: "awarded", remainingVolume: "0.000" });
  });

  it("refuses a lot event that breaks the contract with 500, so it is sent again, and applies nothing but its failure", async () => {
    const lot = lotSnapshot();
    const broken = lotEvent("lot.published", { ...lot, volume: 500 as unknown as string });
    const body = JSON.stringify(broken);
    const secret = portal().config.BUYER_WEBHOOK_SECRET[0];
    const response = await call(webhook, `${BASE}/api/webhooks/buyer`, {
      headers: signedHeaders(broken.id, body, secret),
      body,
    });
    expect(response.status).toBe(500);
    expect((await open(lot.id)).status).toBe(404);
    expect(await portal().db.$count(inboxMessage, eq(inboxMessage.webhookId, broken.id))).toBe(1);
    const [failed] = await portal().db.select().from(inboxMessage).where(eq(inboxMessage.webhookId, broken.id));
    expect(failed).toMatchObject({ status: "failed", attempts: 1, lastError: expect.stringContaining("data.volume") });
  });

  it("catches up through reconciliation on a lot whose webhook never arrived, and once only if both arrive", async () => {
    const missed = lotSnapshot({ title: "Rapeseed 00", commodity: "Rapeseed" });
    const both = lotSnapshot({ title: "Sunflower seed", commodity: "Sunflower seed" });
    const bothEvent = lotEvent("lot.published", both);
    buyer.events.push(lotEvent("lot.published", missed), bothEvent);
    await deliver(bothEvent);
    const result = await reconcileEvents(portal().db, {
      baseUrl: buyer.url,
      apiKey: "lbk_reconciliation_test_key_0001",
      publicUrl: "http://localhost:3001",
      allowLoopback: true,
    });
    expect(result).toMatchObject({ applied: 1, duplicates: 1 });
    const ids = (await listed()).map((l) => l.id);
    expect(ids.filter((id) => id === missed.id)).toHaveLength(1);
    expect(ids.filter((id) => id === both.id)).toHaveLength(1);
  });
});
