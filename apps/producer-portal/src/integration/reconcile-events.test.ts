import { call } from "@lotbridge/http/testing/test-client";
import { keepCollectingGarbage } from "@lotbridge/webhooks/keep-collecting-garbage";
import { inboxMessage, outboxMessage } from "@lotbridge/webhooks/tables";
import { type Answer, startTestReceiver } from "@lotbridge/webhooks/testing/test-receiver";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as webhook } from "@/app/api/webhooks/buyer/route";
import { portal } from "@/server/portal";
import { eventId, type FakeBuyerPortal, pingEvent, signedHeaders, startFakeBuyerPortal } from "@/test/buyer-events";
import { MAX_ATTEMPTS } from "./apply-once";
import { integrationState } from "./integration-tables";
import { reconcileEvents } from "./reconcile-events";

const API_KEY = "lbk_reconciliation_test_key_0001";
let buyer: FakeBuyerPortal;

beforeAll(async () => {
  buyer = await startFakeBuyerPortal();
});
afterAll(() => buyer.close());

beforeEach(async () => {
  const { db } = portal();
  for (const table of [inboxMessage, outboxMessage, integrationState]) await db.delete(table);
  buyer.events.length = 0;
  buyer.requests.length = 0;
});

const reconcile = (
  options: { baseUrl?: string; pageSize?: number; timeoutMs?: number; allowLoopback?: boolean } = {},
) =>
  reconcileEvents(portal().db, {
    baseUrl: buyer.url,
    apiKey: API_KEY,
    publicUrl: "http://localhost:3001",
    allowLoopback: true,
    ...options,
  });

async function stored() {
  const { db } = portal();
  const outbox = await db.select().from(outboxMessage);
  return {
    inbox: (await db.select().from(inboxMessage)).map((row) => row.webhookId).sort(),
    pongsFor: outbox.map((row) => (row.payload as { pingEventId: string }).pingEventId).sort(),
    state: Object.fromEntries((await db.select().from(integrationState)).map((row) => [row.key, row.value])),
  };
}

async function deliverByWebhook(event: { id: string }) {
  const body = JSON.stringify(event);
  const secret = portal().config.BUYER_WEBHOOK_SECRET[0];
  const response = await call(webhook, "http://localhost:3001/api/webhooks/buyer", {
    headers: signedHeaders(event.id, body, secret),
    body,
  });
  expect(response.status).toBe(200);
}

describe("reconciliation with the buyer portal's events feed", () => {
  it("applies what the webhooks missed, once, even when an event also came by webhook, and moves the cursor", async () => {
    const byWebhookToo = pingEvent();
    const missed = pingEvent();
    const newerType = { id: eventId(), type: "lot.teleported", createdAt: new Date().toISOString(), data: {} };
    buyer.events.push(byWebhookToo, missed, newerType);
    await deliverByWebhook(byWebhookToo);

    const result = await reconcile({ pageSize: 2 });

    expect(result).toEqual({ pages: 2, applied: 1, ignored: 1, refused: 0, failed: 0, duplicates: 1, cursor: "3" });
    const after = await stored();
    expect(after.inbox).toEqual([byWebhookToo.id, missed.id, newerType.id].sort());
    expect(after.pongsFor).toEqual([byWebhookToo.id, missed.id].sort());
    expect(after.state).toMatchObject({ "events-feed.cursor": "3", "reconciliation.last-run": "succeeded" });
    const feedReads = buyer.requests.filter((request) => request.path.startsWith("/api/events"));
    expect(feedReads.map((request) => request.path)).toEqual([
      "/api/events?limit=2",
      "/api/events?limit=2&after=2",
      "/api/events?limit=2&after=3",
    ]);
    expect(feedReads.every((request) => request.headers["x-api-key"] === API_KEY)).toBe(true);
  });

  it("is safe to run twice, and reads on from its cursor when the buyer portal has more", async () => {
    buyer.events.push(pingEvent());
    await reconcile();
    const first = await stored();

    expect(await reconcile()).toEqual({
      pages: 0,
      applied: 0,
      ignored: 0,
      refused: 0,
      failed: 0,
      duplicates: 0,
      cursor: "1",
    });
    expect(await stored()).toEqual(first);

    const later = pingEvent();
    buyer.events.push(later);
    expect(await reconcile()).toMatchObject({ applied: 1, duplicates: 0, cursor: "2" });
    expect((await stored()).pongsFor).toContain(later.id);
  });

  it("applies each event once when two processes reconcile at the same time", async () => {
    const pings = Array.from({ length: 5 }, () => pingEvent());
    buyer.events.push(...pings);

    await Promise.all([reconcile({ pageSize: 2 }), reconcile({ pageSize: 2 })]);

    const after = await stored();
    expect(after.pongsFor).toEqual(pings.map((ping) => ping.id).sort());
    expect(after.state["events-feed.cursor"]).toBe("5");
  });

  it("applies nothing twice when its cursor is lost and the whole feed is read again", async () => {
    buyer.events.push(pingEvent(), pingEvent());
    await reconcile();
    await portal().db.delete(integrationState);

    expect(await reconcile()).toMatchObject({ applied: 0, duplicates: 2, cursor: "2" });
    expect((await stored()).pongsFor).toHaveLength(2);
  });

  it("leaves the cursor where it was when the buyer portal is down, and records why", async () => {
    buyer.events.push(pingEvent());
    await reconcile();
    const down = await startFakeBuyerPortal();
    await down.close();

    await expect(reconcile({ baseUrl: down.url })).rejects.toThrow(/could not be read/);

    const after = await stored();
    expect(after.state["events-feed.cursor"]).toBe("1");
    expect(after.state["reconciliation.last-run"]).toBe("failed");
    expect(after.state["reconciliation.last-error"]).toMatch(/^The buyer portal's events feed could not be read/);
    expect(after.state["reconciliation.last-error"]).not.toContain(API_KEY);
    expect(after.pongsFor).toHaveLength(1);
  });

  it("does not call a buyer portal on this machine unless loopback is allowed, and records why", async () => {
    buyer.events.push(pingEvent());
    const localhost = buyer.url.replace("127.0.0.1", "localhost");

    await expect(reconcile({ baseUrl: localhost, allowLoopback: false })).rejects.toThrow(
      /^The buyer portal's events feed was not read: Refused to send to localhost: it resolves to .*, which is a loopback address\. Set OUTBOUND_ALLOW_LOOPBACK=true/,
    );

    expect(buyer.requests).toEqual([]);
    const after = await stored();
    expect(after.state["reconciliation.last-run"]).toBe("failed");
    expect(after.state["events-feed.cursor"]).toBeUndefined();
    expect(after.pongsFor).toEqual([]);
  });

  it("gives up on a feed that does not answer within its timeout while garbage collection runs", async () => {
    const late = () => new Promise<Answer>((resolve) => setTimeout(() => resolve({ status: 200, body: "{}" }), 2000));
    for (const respond of [late, () => new Promise<Answer>(() => {})]) {
      const slow = await startTestReceiver(respond);
      const stopCollecting = keepCollectingGarbage();
      const started = performance.now();
      try {
        await expect(reconcile({ baseUrl: slow.url, timeoutMs: 1000 })).rejects.toThrow(
          "The buyer portal's events feed could not be read. No answer within 1 s.",
        );
        // Before the late answer; the rest is the run's own reads and writes, slowed by the collections.
        expect(performance.now() - started).toBeLessThan(2000);
      } finally {
        stopCollecting();
        await slow.close();
      }
    }
    expect((await stored()).state["reconciliation.last-run"]).toBe("failed");
  });

  it("refuses a page that does not match the contract, applying none of it", async () => {
    buyer.events.push(pingEvent(), { id: "not-an-event-id", type: "ping" });

    await expect(reconcile()).rejects.toThrow(/does not match the contract: data.1.id/);

    expect(await stored()).toMatchObject({ inbox: [], pongsFor: [] });
    expect((await stored()).state["events-feed.cursor"]).toBeUndefined();
  });

  it("parks an event it cannot apply as failed, with its reason, and applies the rest of its page and the pages after", async () => {
    const before = pingEvent();
    const poison = { ...pingEvent(), data: { message: 42 } };
    const sameRun = pingEvent();
    buyer.events.push(before, poison, sameRun);

    const result = await reconcile({ pageSize: 2 });

    expect(result).toMatchObject({ pages: 2, applied: 2, failed: 1, cursor: "3" });
    expect((await stored()).pongsFor).toEqual([before.id, sameRun.id].sort());
    const [parked] = await portal().db.select().from(inboxMessage).where(eq(inboxMessage.webhookId, poison.id));
    expect(parked).toMatchObject({
      status: "failed",
      attempts: MAX_ATTEMPTS,
      lastError: expect.stringMatching(/^The ping event does not match the contract: data\.message/),
      envelope: poison,
    });

    // The next run reads on from after the poison event, and does not try it again.
    const later = pingEvent();
    buyer.events.push(later);
    expect(await reconcile()).toMatchObject({ applied: 1, failed: 0, cursor: "4" });
    expect((await stored()).pongsFor).toContain(later.id);
    expect(
      (await portal().db.select().from(inboxMessage).where(eq(inboxMessage.webhookId, poison.id)))[0],
    ).toMatchObject({ attempts: MAX_ATTEMPTS });
  });
});
