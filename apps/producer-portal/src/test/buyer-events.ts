import { randomBytes } from "node:crypto";
import { API_VERSION } from "@lotbridge/contract/event-envelope";
import type { Lot } from "@lotbridge/contract/lot";
import { startTestReceiver, type TestReceiver } from "@lotbridge/webhooks/testing/test-receiver";
import { Webhook } from "standardwebhooks";

/** A fresh event id, as the buyer portal makes them. */
export const eventId = () => `evt_${randomBytes(8).toString("hex")}`;

/** A `ping` envelope exactly as the buyer portal sends it. */
export function pingEvent(id = eventId()) {
  return {
    id,
    type: "ping",
    createdAt: new Date().toISOString(),
    apiVersion: API_VERSION,
    data: { message: "Ping from the buyer portal", version: 1 },
  };
}

/** Standard Webhooks headers for a body, signed like the buyer portal signs it. */
export function signedHeaders(id: string, body: string, secret: string, at = new Date()): Record<string, string> {
  return {
    "content-type": "application/json",
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(id, at, body),
  };
}

export interface FakeBuyerPortal extends TestReceiver {
  /** The buyer portal's events, in feed order; push more at any time. */
  events: { id: string; type: string }[];
  /** How long it takes to answer a pong, for tests of calls in flight. */
  pongDelayMs: number;
}

/**
 * A real HTTP server on 127.0.0.1 standing in for the buyer portal: serves `GET /api/events` from `events` (the cursor
 * is the position of the last event returned, as the real feed's is a sequence number) and answers pongs with 201.
 */
export async function startFakeBuyerPortal(events: { id: string; type: string }[] = []): Promise<FakeBuyerPortal> {
  const fake = { events, pongDelayMs: 0 };
  const receiver = await startTestReceiver(async (request) => {
    const url = new URL(request.path, "http://buyer.test");
    if (request.method === "GET" && url.pathname === "/api/events") {
      const after = Number(url.searchParams.get("after") ?? 0);
      const limit = Number(url.searchParams.get("limit") ?? 100);
      const data = events.slice(after, after + limit);
      const page = { data, nextCursor: data.length > 0 ? String(after + data.length) : null };
      return { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(page) };
    }
    if (request.method === "POST" && url.pathname === "/api/integration/pongs") {
      await new Promise((resolve) => setTimeout(resolve, fake.pongDelayMs));
      const { pingEventId } = JSON.parse(request.body);
      const pong = { pingEventId, receivedAt: new Date().toISOString() };
      return { status: 201, headers: { "content-type": "application/json" }, body: JSON.stringify(pong) };
    }
    return { status: 404 };
  });
  return Object.assign(receiver, fake);
}

const DAY = 86_400_000;

/** A lot snapshot as the buyer portal sends it: decimals at the database's scale, times in UTC. */
export function lotSnapshot(change: Partial<Lot> = {}): Lot {
  const at = new Date().toISOString();
  return {
    id: `lot_${randomBytes(8).toString("hex")}`,
    number: `LOT-2026-${String(Math.floor(Math.random() * 999_999)).padStart(6, "0")}`,
    status: "published",
    buyerOrganization: { id: "org_northfield", name: "Northfield Mills" },
    title: "Milling wheat",
    commodity: "Wheat",
    description: "Bread-quality milling wheat.",
    qualitySpecs: "Protein ≥ 12.5 %",
    volume: "500.000",
    unit: "t",
    minBidVolume: "50.000",
    partialBidsAllowed: true,
    targetPrice: "236.5000",
    currency: "EUR",
    deliveryLocation: "Northfield Mill, Hamburg",
    incoterm: "DAP",
    deliveryStart: "2027-09-01",
    deliveryEnd: "2027-09-30",
    biddingDeadline: new Date(Date.now() + 7 * DAY).toISOString(),
    paymentTerms: "30 days after delivery",
    tolerance: { percent: "5.00", option: "seller", beyond: "refuse" },
    qualityParameters: [
      { name: "Moisture", unit: "%", min: null, max: "14.5" },
      { name: "Protein", unit: "%", min: "12.5", max: null },
    ],
    allocatedVolume: "0.000",
    publishedAt: at,
    createdAt: at,
    updatedAt: at,
    version: 2,
    ...change,
  };
}

/** A lot event envelope exactly as the buyer portal sends it. */
export function lotEvent<T extends "lot.published" | "lot.updated" | "lot.closed" | "lot.awarded" | "lot.cancelled">(
  type: T,
  lot: Lot,
) {
  return { id: eventId(), type, createdAt: new Date().toISOString(), apiVersion: API_VERSION, data: lot };
}
