import { call } from "@lotbridge/http/test-client";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { afterAll, expect, it, vi } from "vitest";
import { POST as webhook } from "@/app/api/webhooks/buyer/route";
import { pingEvent, signedHeaders, startFakeBuyerPortal } from "@/test/buyer-events";
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
