import { outboxMessage } from "@lotbridge/webhooks/tables";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { portal } from "@/server/portal";
import { producerBids } from "./producer-bid-table";
import { withdrawBid } from "./withdraw-bid";

const bid = (id: string, state: "sending" | "submitted" | "accepted", buyerBidId: string | null) => ({
  id,
  lotId: "lot_1",
  lotNumber: "LOT-2026-000001",
  lotTitle: "Milling wheat",
  unit: "t",
  organizationId: "org_farm_a",
  userId: "usr_ada",
  volume: "100",
  pricePerUnit: "240.50",
  currency: "EUR",
  deliveryTerms: "DAP",
  message: "",
  validUntil: new Date(Date.now() + 86_400_000),
  state,
  buyerBidId,
});

beforeEach(async () => {
  const { db } = portal();
  await db.delete(outboxMessage);
  await db.delete(producerBids);
  await db
    .insert(producerBids)
    .values([
      bid("pbid_submitted", "submitted", "bid_buyer_1"),
      bid("pbid_sending", "sending", null),
      bid("pbid_accepted", "accepted", "bid_buyer_2"),
    ]);
});

describe("withdrawing a bid", () => {
  it("queues one withdraw call to the buyer portal, naming the producer organization", async () => {
    await withdrawBid(portal().db, "org_farm_a", "pbid_submitted");
    const calls = await portal().db.select().from(outboxMessage);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      kind: "buyer-command",
      destination: "buyer-portal",
      eventType: "bid.withdraw",
      eventId: "withdraw-pbid_submitted",
    });
    expect(calls[0].payload).toEqual({ bidId: "bid_buyer_1", organizationId: "org_farm_a" });
    // The bid turns withdrawn only when the buyer portal's bid.withdrawn event says so.
    const [row] = await portal().db.select().from(producerBids).where(eq(producerBids.id, "pbid_submitted"));
    expect(row).toMatchObject({
      state: "submitted",
      pendingCallId: calls[0].id,
      pendingChange: { kind: "withdrawal" },
    });
  });

  it.each([
    ["another organization's bid", "org_farm_b", "pbid_submitted", 404],
    ["a bid still being sent", "org_farm_a", "pbid_sending", 409],
    ["an accepted bid", "org_farm_a", "pbid_accepted", 409],
  ])("refuses %s and queues nothing", async (_case, organizationId, bidId, status) => {
    await expect(withdrawBid(portal().db, organizationId, bidId)).rejects.toMatchObject({ status });
    expect(await portal().db.$count(outboxMessage)).toBe(0);
  });
});
