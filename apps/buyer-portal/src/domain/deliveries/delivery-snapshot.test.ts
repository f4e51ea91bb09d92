import { bidSubmissionSchema } from "@lotbridge/contract/bid-submission";
import { contractSchema } from "@lotbridge/contract/contract";
import { ticketCorrectionSchema, ticketInputSchema } from "@lotbridge/contract/delivery";
import { documentHashOf, renderContractDocument } from "@lotbridge/documents/contract-document";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { BuyerTx } from "@/db/database";
import { decideBid } from "@/domain/bids/decide-bid";
import { submitBid } from "@/domain/bids/submit-bid";
import { contractSnapshot } from "@/domain/contracts/contract-snapshot";
import { contracts } from "@/domain/contracts/contract-table";
import { type ContractReader, findContract } from "@/domain/contracts/find-contract";
import { signContract } from "@/domain/contracts/sign-contract";
import { issueApiKey } from "@/integration/issue-api-key";
import { portal } from "@/server/portal";
import { bidInput, publishedLot } from "@/test/bids";
import { buyerOrganization, PUBLIC_URL } from "@/test/lots";
import { correctTicket } from "./correct-ticket";
import { receiveDispatch } from "./receive-dispatch";
import { recordTicket } from "./record-ticket";

const change = { publicUrl: PUBLIC_URL };
let platform: { apiKeyId: string; platform: string };
let mill: Awaited<ReturnType<typeof buyerOrganization>>;

beforeAll(async () => {
  const issued = await issueApiKey(portal().db, {
    name: "deliveries",
    platform: "producer-portal",
    scopes: ["bids:write", "contracts:write"],
  });
  platform = { apiKeyId: issued.id, platform: "producer-portal" };
  mill = await buyerOrganization("Snapshot Mill");
});

const caller = (organizationId: string) => ({ ...platform, organizationId });
const writer = () => ({ organizationId: mill.organizationId, name: "Weighbridge", userId: null });

/** An active contract of 100 t at EUR 245.50 with ±5 %, refuse, and a moisture limit. */
async function activeContract(organizationId: string) {
  const { db } = portal();
  const lot = await publishedLot(mill, { volume: "500" });
  const bid = await submitBid(
    db,
    platform,
    bidSubmissionSchema.parse(bidInput(lot.id, organizationId, { volume: "100" })),
    change,
  );
  await decideBid(db, mill.organizationId, bid.id, { action: "accept" }, change);
  const [row] = await db.select().from(contracts).where(eq(contracts.bidId, bid.id));
  await db
    .update(contracts)
    .set({
      tolerancePercent: "5",
      toleranceBeyond: "refuse",
      qualityParameters: [{ name: "Moisture", unit: "%", min: null, max: "14.5" }],
    })
    .where(eq(contracts.id, row.id));
  const producer: ContractReader = { party: "producer", caller: caller(organizationId) };
  const hash = documentHashOf(await renderContractDocument(await findContract(db, producer, row.id)));
  for (const reader of [producer, { party: "buyer" as const, organizationId: mill.organizationId }]) {
    await signContract(db, { reader, name: "Signer", email: "signer@example.test" }, row.id, hash, change);
  }
  return row.id;
}

const ticket = (change: Record<string, unknown> = {}) =>
  ticketInputSchema.parse({
    ticketNumber: "T-1",
    receivedAt: "2027-09-03T09:40:00Z",
    grossWeight: "38.6",
    tareWeight: "14.42",
    measurements: [{ name: "moisture", value: "13.9", unit: "%" }],
    decision: "accept",
    ...change,
  });
const correction = (change: Record<string, unknown>) =>
  ticketCorrectionSchema.parse({ ...ticket(change), ticketNumber: undefined, ...change });

/** How many statements `contractSnapshot` sends for the contract, counted on the transaction's own connection. */
async function statementsOfSnapshot(contractId: string): Promise<number> {
  return portal().db.transaction(async (tx: BuyerTx) => {
    const [row] = await tx.select().from(contracts).where(eq(contracts.id, contractId));
    const client = (tx as unknown as { session: { client: { query: (...args: unknown[]) => unknown } } }).session
      .client;
    const query = client.query;
    let count = 0;
    client.query = (...args: unknown[]) => {
      count += 1;
      return query.apply(client, args);
    };
    try {
      await contractSnapshot(tx, row);
    } finally {
      client.query = query;
    }
    return count;
  });
}

describe("the delivery section of a contract", () => {
  it("shows each ticket in its current version with its history, dispatches with the tickets that name them now", async () => {
    const { db } = portal();
    const id = await activeContract("porg_snapshot");
    const empty = await statementsOfSnapshot(id);
    const first = await receiveDispatch(db, caller("porg_snapshot"), id, "pd-1", dispatch("AB 1"), change);
    const second = await receiveDispatch(db, caller("porg_snapshot"), id, "pd-2", dispatch("AB 2"), change);
    const [dispatchA, dispatchB] = second.delivery.dispatches.map((d) => d.id);
    expect(first.delivery.dispatches.map((d) => d.id)).toEqual([dispatchA]);
    const recorded = await recordTicket(
      db,
      writer(),
      id,
      ticket({ ticketNumber: "T-1", dispatchId: dispatchA }),
      change,
    );
    const ticketId = recorded.delivery.tickets[0].id;
    await recordTicket(db, writer(), id, ticket({ ticketNumber: "T-2", grossWeight: "40" }), change);
    await correctTicket(db, writer(), id, ticketId, correction({ dispatchId: dispatchB, reason: "Wrong truck" }));
    const contract = await correctTicket(
      db,
      writer(),
      id,
      ticketId,
      correction({
        dispatchId: dispatchB,
        decision: "reject",
        rejectionReason: "Wet",
        measurements: [{ name: "Moisture", value: "16.1", unit: "%" }],
        reason: "Moisture re-tested",
      }),
    );
    expect(contractSchema.parse(contract)).toEqual(contract);
    const { delivery } = contract;
    expect(delivery.tickets.map((t) => [t.number, t.version, t.history.map((h) => h.version)])).toEqual([
      ["T-1", 3, [1, 2]],
      ["T-2", 1, []],
    ]);
    expect(delivery.tickets[0]).toMatchObject({
      dispatchId: dispatchB,
      decision: "reject",
      outOfSpec: true,
      acceptedQuantity: "0.000",
      correctionReason: "Moisture re-tested",
    });
    expect(delivery.tickets[0].history.map((h) => [h.dispatchId, h.correctionReason])).toEqual([
      [dispatchA, null],
      [dispatchB, "Wrong truck"],
    ]);
    // The measurement keeps the parameter's own spelling and range.
    expect(delivery.tickets[0].history[0].measurements[0]).toMatchObject({
      name: "Moisture",
      max: "14.5",
      inSpec: true,
    });
    expect(delivery.dispatches.map((d) => d.ticketIds)).toEqual([[], [ticketId]]);
    // Only current versions count: T-1 rejected now, T-2 is 25.58 t.
    expect(delivery.ledger).toMatchObject({
      accepted: "25.580",
      rejected: "24.180",
      value: "6279.89",
      loads: 2,
      outOfSpecLoads: 1,
    });
    expect(delivery.entries.map((e) => [e.kind, e.accepted])).toEqual([
      ["dispatched", "0.000"],
      ["dispatched", "0.000"],
      ["received", "24.180"],
      ["received", "49.760"],
      ["corrected", "49.760"],
      ["corrected", "25.580"],
    ]);
    expect(delivery.entries.at(-1)?.text).toBe("Ticket T-1 corrected (Moisture re-tested): 24.18 t rejected: Wet");
    expect(delivery.settlement).toBeNull();
    expect(delivery.overdueSince).toBeNull();
    // Read afresh, it is what the last change answered; and it takes as many statements as with nothing delivered.
    expect(await findContract(db, { party: "buyer", organizationId: mill.organizationId }, id)).toEqual(contract);
    expect(empty).toBeGreaterThanOrEqual(5); // signatures, history, dispatches, tickets with versions, entries
    expect(await statementsOfSnapshot(id)).toBe(empty);
  });

  it("carries the tolerance, the quality parameters, the overdue mark and the settlement from the contract", async () => {
    const { db } = portal();
    const id = await activeContract("porg_snapshot_terms");
    const at = new Date("2027-10-02T08:00:00Z");
    await db
      .update(contracts)
      .set({ overdueSince: at, settlementIssuedAt: at, settlementHash: "a".repeat(64) })
      .where(eq(contracts.id, id));
    const contract = await findContract(db, { party: "buyer", organizationId: mill.organizationId }, id);
    expect(contract.terms.tolerance).toEqual({ percent: "5.00", option: "seller", beyond: "refuse" });
    expect(contract.terms.qualityParameters).toEqual([{ name: "Moisture", unit: "%", min: null, max: "14.5" }]);
    expect(contract.delivery.overdueSince).toBe(at.toISOString());
    expect(contract.delivery.settlement).toEqual({
      issuedAt: at.toISOString(),
      documentHash: "a".repeat(64),
      filename: `settlement-${contract.number}.pdf`,
    });
    expect(contract.delivery.ledger).toMatchObject({ volume: "100.000", minimum: "95.000", maximum: "105.000" });
  });
});

function dispatch(vehicleReference: string) {
  return { plannedDate: "2027-09-03", vehicleReference, estimatedWeight: "25", note: "" };
}
