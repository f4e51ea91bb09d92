import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { call } from "@lotbridge/http/testing/test-client";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { eq } from "drizzle-orm";
import { afterAll, expect, it, vi } from "vitest";
import { POST as webhook } from "@/app/api/webhooks/buyer/route";
import { placeBid } from "@/domain/bids/place-bid";
import { producerBids } from "@/domain/bids/producer-bid-table";
import { applyLotSnapshot } from "@/domain/marketplace/apply-lot-snapshot";
import { lotEvent, lotSnapshot, pingEvent, signedHeaders, startFakeBuyerPortal } from "@/test/buyer-events";
import { portal } from "./portal";
import { startIntegration, stopIntegration } from "./start-integration";

const buyer = await startFakeBuyerPortal();
process.env.BUYER_PORTAL_URL = buyer.url;
process.env.OUTBOX_RETRY_SCALE = "0.001";

afterAll(async () => {
  await stopIntegration();
  await buyer.close();
});

const pongs = () => buyer.requests.filter((request) => request.path === "/api/integration/pongs");

it("answers pings from both webhooks and the events feed by calling the buyer portal back, once each", async () => {
  const missedWebhook = pingEvent();
  buyer.events.push(missedWebhook);

  await startIntegration();
  await vi.waitFor(() => expect(pongs()).toHaveLength(1), { timeout: 10_000 });

  const ping = pingEvent();
  const body = JSON.stringify(ping);
  const secret = portal().config.BUYER_WEBHOOK_SECRET[0];
  const response = await call(webhook, "http://localhost:3001/api/webhooks/buyer", {
    headers: signedHeaders(ping.id, body, secret),
    body,
  });
  expect(response.status).toBe(200);
  await vi.waitFor(() => expect(pongs()).toHaveLength(2), { timeout: 10_000 });

  expect(pongs().map((pong) => [pong.headers["idempotency-key"], JSON.parse(pong.body)])).toEqual([
    [`pong-${missedWebhook.id}`, { pingEventId: missedWebhook.id }],
    [`pong-${ping.id}`, { pingEventId: ping.id }],
  ]);
  expect(pongs().every((pong) => pong.headers["x-api-key"] === portal().config.BUYER_API_KEY)).toBe(true);
  await vi.waitFor(async () => {
    const messages = await portal().db.select().from(outboxMessage);
    expect(messages.map((message) => message.status)).toEqual(["delivered", "delivered"]);
  });
});

it("records the buyer portal's refusal of a bid on the producer's bid, through the running dispatcher", async () => {
  const { db } = portal();
  const lot = lotSnapshot();
  await db.transaction((tx) => applyLotSnapshot(tx, lotEvent("lot.published", lot)));
  const { organizationId, userIds } = await createOrganizationWithUsers(
    db,
    { name: "Greenacre", slug: "ga-dispatch" },
    [{ name: "Piet", email: "piet@ga-dispatch.example", password: "correct-horse-battery", role: "member" }],
  );
  const bidder = {
    userId: userIds[0],
    organizationId,
    organizationName: "Greenacre",
    name: "Piet",
    role: "member" as const,
  };
  const bid = await placeBid(db, { ...bidder, email: "piet@ga-dispatch.example" }, lot.id, {
    volume: "100",
    pricePerUnit: "240",
    currency: "EUR",
    deliveryTerms: "",
    message: "",
    validUntil: new Date(Date.now() + 86_400_000).toISOString(),
  });
  // The stand-in buyer portal knows no /api/bids and answers 404: a final refusal.
  await vi.waitFor(
    async () => {
      const [stored] = await db.select().from(producerBids).where(eq(producerBids.id, bid.id));
      expect(stored).toMatchObject({ state: "refused", refusalReason: expect.stringContaining("404") });
    },
    { timeout: 10_000 },
  );
  const sent = buyer.requests.filter((request) => request.path === "/api/bids");
  expect(sent.map((request) => request.headers["idempotency-key"])).toEqual([bid.id]);
});
