import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { eventually, type PortalPair, sessionCookie, startPortalPair } from "./harness/portal-pair";

// Two real portal processes with their own databases, talking over loopback. No browser: these prove delivery.

type Overview = {
  lastPing: { id: string; answeredAt: string | null } | null;
  lastFailure: { statusCode: number | null; error: string | null } | null;
  messages: { eventId: string; status: string; attempts: number }[];
};

let pair: PortalPair;
let admin: string;

test.beforeEach(async () => {
  pair = await startPortalPair();
  admin = await sessionCookie(pair.buyer.url, "anna@northfield.example");
});

test.afterEach(async () => {
  await pair.stop();
});

const overview = async (): Promise<Overview> =>
  (await fetch(`${pair.buyer.url}/api/admin/integration`, { headers: { cookie: admin } })).json();

async function sendPing(): Promise<string> {
  const response = await fetch(`${pair.buyer.url}/api/admin/ping`, {
    method: "POST",
    headers: { cookie: admin, origin: pair.buyer.url, "content-type": "application/json" },
    body: "{}",
  });
  expect(response.status).toBe(201);
  return (await response.json()).eventId;
}

const answered = (eventId: string) => async () => {
  const ping = (await overview()).lastPing;
  return ping?.id === eventId && ping.answeredAt ? ping : undefined;
};

test("a ping travels to the producer portal as a signed webhook and its answer comes back through the outbox", async () => {
  const started = performance.now();
  const eventId = await sendPing();
  await eventually(answered(eventId));
  const roundTrip = Math.round(performance.now() - started);
  console.log(`ping → webhook → producer → API call → pong: ${roundTrip} ms`);
  const message = (await overview()).messages.find((m) => m.eventId === eventId);
  expect(message).toMatchObject({ status: "delivered", attempts: 1 });
});

test("pings sent while the producer portal is down arrive once it is back, each applied once", async () => {
  await pair.producer.stop();
  const ids = [await sendPing(), await sendPing(), await sendPing()];
  // The failures are visible to the buyer's admin while the producer portal is away.
  const failure = await eventually(async () => (await overview()).lastFailure ?? undefined);
  expect(failure.error).toBeTruthy();
  await pair.producer.start();
  await eventually(async () => {
    const { messages } = await overview();
    return ids.every((id) => messages.find((m) => m.eventId === id)?.status === "delivered");
  }, 30_000);
  const { messages } = await overview();
  for (const id of ids) expect(messages.find((m) => m.eventId === id)?.attempts).toBeGreaterThan(1);
  // The producer applied each event once: one inbox row each, and one pong each went back.
  const producerAdmin = await sessionCookie(pair.producer.url, "piet@greenacre.example");
  const producerView = await (
    await fetch(`${pair.producer.url}/api/admin/integration`, { headers: { cookie: producerAdmin } })
  ).json();
  // Each ping was applied once: exactly one answer per ping went back, however often it was retried.
  const pongCalls = producerView.outbound.filter((m: { call: string }) => m.call === "POST /api/integration/pongs");
  expect(pongCalls).toHaveLength(ids.length);
  await eventually(answered(ids[2]), 20_000);
});

test("a ping committed just before the buyer portal is killed -9 is still delivered after it restarts", async () => {
  await pair.producer.stop();
  const eventId = await sendPing();
  await pair.buyer.stop("SIGKILL");
  await pair.producer.start();
  await pair.buyer.start();
  admin = await sessionCookie(pair.buyer.url, "anna@northfield.example");
  await eventually(answered(eventId), 30_000);
});

test("the real producer process refuses a forged, tampered or stale webhook and applies nothing", async () => {
  const body = JSON.stringify({
    id: "evt_forged000000000000000000000",
    type: "ping",
    createdAt: new Date().toISOString(),
    apiVersion: "2026-11-01",
    data: { message: "forged", version: 1 },
  });
  const post = (headers: Record<string, string>, payload = body) =>
    fetch(`${pair.producer.url}/api/webhooks/buyer`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: payload,
    });
  const sign = (secret: string, at: Date, payload = body) => {
    const signature = new Webhook(secret).sign("evt_forged000000000000000000000", at, payload);
    return {
      "webhook-id": "evt_forged000000000000000000000",
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": signature,
    };
  };
  const wrongSecret = `whsec_${Buffer.from("wrong-secret-wrong-secret-wrong!").toString("base64")}`;
  expect((await post(sign(wrongSecret, new Date()))).status).toBe(401);
  expect((await post(sign(pair.secrets.webhookSecret, new Date()), body.replace("forged", "tampered"))).status).toBe(
    401,
  );
  expect((await post(sign(pair.secrets.webhookSecret, new Date(Date.now() - 6 * 60_000)))).status).toBe(401);
  expect((await post({})).status).toBe(401);
  // The genuine article is accepted — so the refusals above were about the signature, not the endpoint.
  expect((await post(sign(pair.secrets.webhookSecret, new Date()))).status).toBe(200);
  expect(pair.producer.output()).not.toContain(pair.secrets.webhookSecret);
});

test("CORS: the configured producer origin gets a preflight answer, any other origin gets no CORS headers", async () => {
  const preflight = (origin: string) =>
    fetch(`${pair.buyer.url}/api/events`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "GET", "access-control-request-headers": "x-api-key" },
    });
  const allowed = await preflight(pair.producer.url);
  expect(allowed.headers.get("access-control-allow-origin")).toBe(pair.producer.url);
  expect(allowed.headers.get("access-control-allow-headers")).toContain("x-api-key");
  const other = await preflight("https://elsewhere.example");
  expect(other.headers.get("access-control-allow-origin")).toBeNull();
  const read = await fetch(`${pair.buyer.url}/api/events`, {
    headers: { origin: "https://elsewhere.example", "x-api-key": pair.secrets.apiKey },
  });
  expect(read.status).toBe(200);
  expect(read.headers.get("access-control-allow-origin")).toBeNull();
});

test("the Integrations page and the logs show failures without any secret", async () => {
  await pair.producer.stop();
  await sendPing();
  await eventually(async () => (await overview()).lastFailure ?? undefined);
  const page = await (await fetch(`${pair.buyer.url}/integrations`, { headers: { cookie: admin } })).text();
  expect(page).toContain("Last failure");
  expect(page).toMatch(/ECONNREFUSED|refused|connect/i);
  for (const secret of [pair.secrets.webhookSecret, pair.secrets.apiKey]) {
    expect(page).not.toContain(secret);
    expect(pair.buyer.output()).not.toContain(secret);
    expect(pair.producer.output()).not.toContain(secret);
  }
});
