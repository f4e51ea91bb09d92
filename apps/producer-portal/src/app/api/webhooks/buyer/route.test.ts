import { call } from "@lotbridge/http/testing/test-client";
import { newWebhookSecret } from "@lotbridge/webhooks/new-webhook-secret";
import { inboxMessage, outboxMessage } from "@lotbridge/webhooks/tables";
import { beforeEach, describe, expect, it } from "vitest";
import { MAX_ATTEMPTS } from "@/integration/apply-once";
import { portal } from "@/server/portal";
import { eventId, pingEvent, signedHeaders } from "@/test/buyer-events";
import { POST } from "./route";
import { WEBHOOK_BODY_LIMIT } from "./webhook-body-limit";

const URL = "http://localhost:3001/api/webhooks/buyer";
const oldSecret = newWebhookSecret();
const newSecret = newWebhookSecret();
// The buyer portal is rotating its signing secret: both are accepted until the old one is removed.
process.env.BUYER_WEBHOOK_SECRET = `${oldSecret}, ${newSecret}`;

interface Delivery {
  secret?: string;
  at?: Date;
  /** Changes the body after it was signed. */
  tamper?: (body: string) => string;
}

function deliver(event: { id: string }, options: Delivery = {}) {
  const body = JSON.stringify(event);
  const headers = signedHeaders(event.id, body, options.secret ?? newSecret, options.at);
  return call(POST, URL, { headers, body: options.tamper ? options.tamper(body) : body });
}

/** A signed ping whose body is exactly `bytes` long. */
function signedPingOf(bytes: number) {
  const ping = pingEvent();
  const empty = JSON.stringify({ ...ping, data: { ...ping.data, message: "" } });
  const body = JSON.stringify({ ...ping, data: { ...ping.data, message: "x".repeat(bytes - empty.length) } });
  return { ping, body, headers: signedHeaders(ping.id, body, newSecret) };
}

/**
 * Sends a body the way a client on a slow connection does: a chunk only when the receiver reads one. `sent` says how
 * much the receiver read, `cancelled` whether it told the sender to stop.
 */
function deliverStreamed(body: string, headers: Record<string, string>, chunkBytes = 64 * 1024) {
  const bytes = new TextEncoder().encode(body);
  const sender = { sent: 0, total: bytes.byteLength, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sender.sent === bytes.byteLength) return controller.close();
        const chunk = bytes.subarray(sender.sent, sender.sent + chunkBytes);
        sender.sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
      cancel() {
        sender.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request(URL, { method: "POST", headers, body: stream, duplex: "half" } as RequestInit);
  return { sender, response: POST(request, { params: Promise.resolve({}) }) };
}

async function expectTooLarge(response: Response) {
  expect(response.status).toBe(413);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  expect(await response.json()).toMatchObject({ status: 413, type: "urn:lotbridge:problem:payload-too-large" });
}

async function stored() {
  const { db } = portal();
  return { inbox: await db.select().from(inboxMessage), outbox: await db.select().from(outboxMessage) };
}

beforeEach(async () => {
  const { db } = portal();
  await db.delete(inboxMessage);
  await db.delete(outboxMessage);
});

describe("the buyer portal's webhooks", () => {
  it("answer a correctly signed ping with one pong call queued for the buyer portal", async () => {
    const ping = pingEvent();
    const response = await deliver(ping);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true });
    const { inbox, outbox } = await stored();
    expect(inbox).toMatchObject([{ webhookId: ping.id, eventType: "ping" }]);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      kind: "buyer-command",
      eventType: "ping.answer",
      eventId: `pong-${ping.id}`,
      destination: "buyer-portal",
      status: "pending",
      payload: { pingEventId: ping.id },
    });
  });

  it("acknowledge the same webhook delivered twice and still queue one pong", async () => {
    const ping = pingEvent();
    expect((await deliver(ping)).status).toBe(200);
    const again = await deliver(ping);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ duplicate: true });
    const { inbox, outbox } = await stored();
    expect(inbox).toHaveLength(1);
    expect(outbox).toHaveLength(1);
  });

  it("verify with the old and the new secret during a rotation", async () => {
    expect((await deliver(pingEvent(), { secret: oldSecret })).status).toBe(200);
    expect((await deliver(pingEvent(), { secret: newSecret })).status).toBe(200);
    const { inbox, outbox } = await stored();
    expect(inbox).toHaveLength(2);
    expect(outbox).toHaveLength(2);
  });

  it.each([
    ["a tampered body", { tamper: (body: string) => body.replace("Ping from", "Pong from") }],
    ["a wrong secret", { secret: newWebhookSecret() }],
    ["a timestamp 6 minutes old", { at: new Date(Date.now() - 6 * 60_000) }],
  ] satisfies [string, Delivery][])("refuse %s with 401 problem+json and store nothing", async (_case, options) => {
    const response = await deliver(pingEvent(), options);
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({
      status: 401,
      type: expect.stringMatching(/^urn:lotbridge:problem:/),
    });
    expect(await stored()).toEqual({ inbox: [], outbox: [] });
  });

  it("refuse an unsigned request with 401 and store nothing", async () => {
    const response = await call(POST, URL, { body: pingEvent() });
    expect(response.status).toBe(401);
    expect(await stored()).toEqual({ inbox: [], outbox: [] });
  });

  it("acknowledge event types newer than this portal, changing nothing else", async () => {
    const future = { id: eventId(), type: "lot.renamed_in_2030", createdAt: new Date().toISOString(), data: {} };
    expect((await deliver(future)).status).toBe(200);
    const { inbox, outbox } = await stored();
    expect(inbox.map((row) => row.eventType)).toEqual(["lot.renamed_in_2030"]);
    expect(outbox).toEqual([]);
  });

  it("answer 500 to a ping that breaks the contract, so that it is sent again, record why and apply nothing", async () => {
    const broken = { ...pingEvent(), data: { message: 42 } };
    const response = await deliver(broken);
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(JSON.stringify(await response.json())).not.toContain("does not match");
    const { inbox, outbox } = await stored();
    expect(inbox).toMatchObject([
      {
        webhookId: broken.id,
        status: "failed",
        attempts: 1,
        lastError:
          "The ping event does not match the contract: data.message Invalid input: expected string, received number.",
        envelope: broken,
      },
    ]);
    expect(outbox).toEqual([]);
  });

  it(`stop asking for a retry of an event that failed ${MAX_ATTEMPTS} times: it is parked, and answered 200`, async () => {
    const broken = { ...pingEvent(), data: { message: 42 } };
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) expect((await deliver(broken)).status).toBe(500);
    const last = await deliver(broken);
    expect(last.status).toBe(200);
    expect(await last.json()).toEqual({ parked: true });
    const again = await deliver(broken);
    expect(await again.json()).toEqual({ parked: true });
    // Parked: the sixth delivery was not tried.
    expect((await stored()).inbox).toMatchObject([{ status: "failed", attempts: MAX_ATTEMPTS }]);
  });

  it("apply a signed event streamed in small pieces without Content-Length, characters split across pieces", async () => {
    const ping = pingEvent();
    const body = JSON.stringify({ ...ping, data: { ...ping.data, message: "Grüße — 谷物 🌾 from the buyer portal" } });
    const { sender, response } = deliverStreamed(body, signedHeaders(ping.id, body, newSecret), 5);
    expect((await response).status).toBe(200);
    expect(sender.sent).toBe(sender.total);
    expect((await stored()).inbox).toMatchObject([{ webhookId: ping.id, eventType: "ping" }]);
  });

  it("apply a signed event exactly as large as the limit", async () => {
    const { ping, body, headers } = signedPingOf(WEBHOOK_BODY_LIMIT);
    const { response } = deliverStreamed(body, headers);
    expect((await response).status).toBe(200);
    expect((await stored()).inbox).toMatchObject([{ webhookId: ping.id }]);
  });

  it.each([
    ["without Content-Length", {}],
    ["under a Content-Length that claims less", { "content-length": "512" }],
  ])(
    "refuse a signed event streamed past the limit %s with 413 as soon as it passes, reading no further and storing nothing",
    async (_case, declared) => {
      const { body, headers } = signedPingOf(WEBHOOK_BODY_LIMIT + 4_000_000);
      const { sender, response } = deliverStreamed(body, { ...headers, ...declared });
      await expectTooLarge(await response);
      expect(sender.cancelled).toBe(true);
      expect(sender.sent).toBeGreaterThan(WEBHOOK_BODY_LIMIT);
      expect(sender.sent).toBeLessThanOrEqual(WEBHOOK_BODY_LIMIT + 64 * 1024);
      expect(await stored()).toEqual({ inbox: [], outbox: [] });
    },
  );

  it("refuse a signed event whose Content-Length is over the limit with 413 before reading any of it", async () => {
    const { body, headers } = signedPingOf(WEBHOOK_BODY_LIMIT + 1);
    const { sender, response } = deliverStreamed(body, {
      ...headers,
      "content-length": String(WEBHOOK_BODY_LIMIT + 1),
    });
    await expectTooLarge(await response);
    expect(sender.sent).toBe(0);
    expect(await stored()).toEqual({ inbox: [], outbox: [] });
  });
});
