import type { QualityParameter, Tolerance } from "@lotbridge/contract/delivery-terms";
import { documentHashOf } from "@lotbridge/documents/contract-document";
import { call } from "@lotbridge/http/testing/test-client";
import { notification } from "@lotbridge/notifications/tables";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { PUT as decide } from "@/app/api/bids/[id]/route";
import { POST as submit } from "@/app/api/bids/route";
import { POST as cancel } from "@/app/api/contracts/[id]/cancel/route";
import { GET as document } from "@/app/api/contracts/[id]/document/route";
import { POST as signatures } from "@/app/api/contracts/[id]/signatures/route";
import { contractStatusChanges, contracts } from "@/domain/contracts/contract-table";
import {
  contractDispatches,
  deliveryLedgerEntries,
  deliveryTickets,
  deliveryTicketVersions,
} from "@/domain/deliveries/delivery-tables";
import { integrationEvents } from "@/integration/integration-tables";
import { portal } from "@/server/portal";
import { bidInput, publishedLot } from "@/test/bids";
import type { buyerOrganization } from "@/test/lots";

export const ORIGIN = "http://localhost:3000";
export const BASE = `${ORIGIN}/api`;
let serial = 0;

/** A fresh Idempotency-Key. */
export const idempotencyKey = () => `delivery-${Date.now()}-${++serial}`;

export const WHEAT: QualityParameter[] = [
  { name: "Moisture", unit: "%", min: null, max: "14.5" },
  { name: "Protein", unit: "%", min: "12.5", max: null },
  { name: "Test weight", unit: "kg/hl", min: "76", max: null },
];

export interface DeliveryParties {
  buyer: Awaited<ReturnType<typeof buyerOrganization>>;
  buyerCookie: string;
  /** A platform key with bids:write and contracts:write. */
  platformKey: string;
}

export const producerHeaders = (platformKey: string, organizationId: string, key = idempotencyKey()) => ({
  "x-api-key": platformKey,
  "x-producer-organization": organizationId,
  "idempotency-key": key,
});

/**
 * A contract of `producerOrganizationId` with the buyer, in the state asked for: `volume` at EUR 245.50, the given
 * tolerance and quality parameters (set on the contract before anyone signs, as if the lot had carried them), and
 * signed by both parties (active) unless `status` says pending_signature or cancelled.
 */
export async function deliveryContract(
  parties: DeliveryParties,
  producerOrganizationId: string,
  {
    volume = "100",
    tolerance = { percent: "5", option: "seller", beyond: "refuse" } as Tolerance,
    qualityParameters = WHEAT,
    status = "active" as "active" | "pending_signature" | "cancelled",
  } = {},
) {
  const { db } = portal();
  const lot = await publishedLot(parties.buyer, { volume: "500", minBidVolume: "1" });
  const placed = await call(submit, `${BASE}/bids`, {
    body: bidInput(lot.id, producerOrganizationId, { volume }),
    headers: producerHeaders(parties.platformKey, producerOrganizationId),
  });
  expect(placed.status).toBe(201);
  const bid = await placed.json();
  const accepted = await call(decide, `${BASE}/bids/${bid.id}`, {
    method: "PUT",
    body: { action: "accept" },
    cookie: parties.buyerCookie,
    params: { id: bid.id },
  });
  expect(accepted.status).toBe(200);
  const [created] = await db.select().from(contracts).where(eq(contracts.bidId, bid.id));
  const id = created.id;
  await db
    .update(contracts)
    .set({
      tolerancePercent: tolerance.percent,
      toleranceOption: tolerance.option,
      toleranceBeyond: tolerance.beyond,
      qualityParameters,
    })
    .where(eq(contracts.id, id));
  if (status === "cancelled") {
    const response = await call(cancel, `${BASE}/contracts/${id}/cancel`, {
      body: { reason: "Plant closed." },
      cookie: parties.buyerCookie,
      params: { id },
    });
    expect(response.status).toBe(200);
  } else if (status === "active") {
    const pdf = await call(document, `${BASE}/contracts/${id}/document`, {
      cookie: parties.buyerCookie,
      params: { id },
    });
    const documentHash = documentHashOf(new Uint8Array(await pdf.arrayBuffer()));
    const byProducer = await call(signatures, `${BASE}/contracts/${id}/signatures`, {
      body: { signerName: "Petra Bauer", signerEmail: "petra@farm.example", documentHash },
      headers: producerHeaders(parties.platformKey, producerOrganizationId),
      params: { id },
    });
    expect(byProducer.status).toBe(201);
    const byBuyer = await call(signatures, `${BASE}/contracts/${id}/signatures`, {
      body: { documentHash },
      cookie: parties.buyerCookie,
      params: { id },
    });
    expect(byBuyer.status).toBe(201);
  }
  const [row] = await db.select().from(contracts).where(eq(contracts.id, id));
  expect(row.status).toBe(status);
  return row;
}

/** A valid ticket: 24.180 t net of a load within spec, accepted. */
export function ticketInput(change: Record<string, unknown> = {}) {
  return {
    ticketNumber: `W-${++serial}`,
    receivedAt: "2027-09-03T09:40:00Z",
    grossWeight: "38.600",
    tareWeight: "14.420",
    measurements: [
      { name: "Moisture", value: "13.8", unit: "%" },
      { name: "Protein", value: "13.1", unit: "%" },
    ],
    decision: "accept",
    ...change,
  };
}

/** A valid dispatch. */
export const dispatchInput = (change: Record<string, unknown> = {}) => ({
  plannedDate: "2027-09-03",
  vehicleReference: "HH-AB 1234",
  estimatedWeight: "25",
  note: "",
  ...change,
});

/**
 * Every row a dispatch, ticket or correction writes, and the contract's version and status: a refusal must leave all
 * of them as they were.
 */
export async function deliveryRows(contractId: string) {
  const { db } = portal();
  const [contract] = await db
    .select({ version: contracts.version, status: contracts.status, updatedAt: contracts.updatedAt })
    .from(contracts)
    .where(eq(contracts.id, contractId));
  return {
    contract,
    dispatches: await db.$count(contractDispatches),
    tickets: await db.$count(deliveryTickets),
    versions: await db.$count(deliveryTicketVersions),
    entries: await db.$count(deliveryLedgerEntries),
    statusChanges: await db.$count(contractStatusChanges),
    events: await db.$count(integrationEvents),
    outbox: await db.$count(outboxMessage),
    notifications: await db.$count(notification),
  };
}

/** The answer is RFC 9457 problem+json with that status, naming `field` if given. */
export async function expectProblem(response: Response, status: number, field?: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  const problem = await response.json();
  if (field) expect(problem.errors?.map((e: { field: string }) => e.field)).toContain(field);
  return problem as { type: string; detail: string; errors?: { field: string; message: string }[] };
}
