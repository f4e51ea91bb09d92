import { lineTotal, totalFits } from "@lotbridge/contract/decimal";
import { largest, PRICE, VOLUME } from "@lotbridge/contract/limits";
import { DomainError } from "@lotbridge/contract/problem";
import { fitsColumn, nearLimit } from "@lotbridge/contract/testing/near-limits";
import { call } from "@lotbridge/http/testing/test-client";
import { and, eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as submit } from "@/app/api/bids/route";
import { contracts } from "@/domain/contracts/contract-table";
import { findContract } from "@/domain/contracts/find-contract";
import { integrationEvents } from "@/integration/integration-tables";
import { issueApiKey } from "@/integration/issue-api-key";
import { portal } from "@/server/portal";
import { bidInput, bidRowCounts, publishedLot } from "@/test/bids";
import { buyerOrganization, PUBLIC_URL, storedLot } from "@/test/lots";
import { bids, offers } from "./bid-table";
import { decideBid } from "./decide-bid";

// Generated extreme values through the whole buyer path: POST /api/bids → the buyer accepts → contract row, snapshot
// and contract.created, with the exact total; what a column or the total could not hold is refused at the door.

let key: string;
let mill: Awaited<ReturnType<typeof buyerOrganization>>;
let counter = 0;
const change = { publicUrl: PUBLIC_URL };

beforeAll(async () => {
  key = (await issueApiKey(portal().db, { name: "extremes", platform: "producer-portal", scopes: ["bids:write"] })).key;
  mill = await buyerOrganization("Extreme Mill");
});

const post = (body: unknown) =>
  call(submit, "http://localhost:3000/api/bids", {
    body,
    headers: { "x-api-key": key, "idempotency-key": `extreme-${++counter}` },
  });
const contractCount = () => portal().db.$count(contracts);

describe("extreme volumes and prices, from the first door to a contract", () => {
  it("what fits becomes a contract with the exact total; what does not is refused with 422 naming the field and stores nothing", async () => {
    const seen = { contracts: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(nearLimit(VOLUME), nearLimit(PRICE), async (volume, pricePerUnit) => {
        // A lot as large as a lot can be, so only the limits decide.
        const lot = await publishedLot(mill, { volume: largest(VOLUME), minBidVolume: "0.001", targetPrice: null });
        const before = { ...(await bidRowCounts()), contracts: await contractCount() };
        const organizationId = `porg_x${counter}`;
        const response = await post(bidInput(lot.id, organizationId, { volume, pricePerUnit }));
        const storable =
          fitsColumn(volume, VOLUME) && fitsColumn(pricePerUnit, PRICE) && totalFits(volume, pricePerUnit);
        if (!storable) {
          expect(response.status).toBe(422);
          const problem = await response.json();
          const field = !fitsColumn(volume, VOLUME) ? "volume" : "pricePerUnit";
          expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
          expect({ ...(await bidRowCounts()), contracts: await contractCount() }).toEqual(before);
          seen.refused++;
          return;
        }
        expect(response.status).toBe(201);
        const bid = await response.json();
        const total = lineTotal(volume, pricePerUnit);
        expect(bid.total).toBe(total);

        await decideBid(portal().db, mill.organizationId, bid.id, { action: "accept" }, change);
        const [row] = await portal().db.select().from(contracts).where(eq(contracts.bidId, bid.id));
        expect(row.total).toBe(total);
        const snapshot = await findContract(
          portal().db,
          { party: "buyer", organizationId: mill.organizationId },
          row.id,
        );
        expect(snapshot.terms).toMatchObject({ total });
        expect(lineTotal(snapshot.terms.volume, snapshot.terms.pricePerUnit)).toBe(total);
        const events = await portal().db.select().from(integrationEvents);
        const created = events
          .map((event) => event.envelope as { type: string; data: { id: string; terms: { total: string } } })
          .find((envelope) => envelope.type === "contract.created" && envelope.data.id === row.id);
        expect(created?.data.terms.total).toBe(total);
        seen.contracts++;
      }),
      { numRuns: 40, seed: 14 },
    );
    // Both outcomes were exercised, not only one.
    expect(seen.contracts).toBeGreaterThan(5);
    expect(seen.refused).toBeGreaterThan(5);
  });

  it("an offer stored before the limits, whose total no contract can hold, is refused on acceptance with 409 and changes nothing", async () => {
    const lot = await publishedLot(mill, { volume: largest(VOLUME), minBidVolume: "0.001", targetPrice: null });
    const response = await post(bidInput(lot.id, "porg_old_row", { volume: "1000", pricePerUnit: "2" }));
    const bid = await response.json();
    // As an old row could hold it: the largest volume and price each fit their column, their product no total.
    await portal()
      .db.update(offers)
      .set({ volume: largest(VOLUME), pricePerUnit: largest(PRICE) })
      .where(eq(offers.bidId, bid.id));
    await portal()
      .db.update(bids)
      .set({ volume: largest(VOLUME), pricePerUnit: largest(PRICE) })
      .where(eq(bids.id, bid.id));
    const before = {
      ...(await bidRowCounts()),
      contracts: await contractCount(),
      allocated: (await storedLot(lot.id)).allocatedVolume,
    };

    const refusal = await decideBid(portal().db, mill.organizationId, bid.id, { action: "accept" }, change).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ status: 409, code: "total-too-large", errors: [{ field: "pricePerUnit" }] });
    const after = {
      ...(await bidRowCounts()),
      contracts: await contractCount(),
      allocated: (await storedLot(lot.id)).allocatedVolume,
    };
    expect(after).toEqual(before);
    const [stillSubmitted] = await portal()
      .db.select({ status: bids.status })
      .from(bids)
      .where(and(eq(bids.id, bid.id)));
    expect(stillSubmitted.status).toBe("submitted");
  });
});
