import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { contractSchema } from "@lotbridge/contract/contract";
import { lineTotal, totalFits } from "@lotbridge/contract/decimal";
import { largest, PRICE, TOTAL, VOLUME } from "@lotbridge/contract/limits";
import { fitsColumn, nearLimit } from "@lotbridge/contract/testing/near-limits";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { PATCH as revise } from "@/app/api/bids/[id]/route";
import { POST as placeBid } from "@/app/api/marketplace/lots/[id]/bids/route";
import { applyContractSnapshot } from "@/domain/contracts/apply-contract-snapshot";
import { producerContracts } from "@/domain/contracts/producer-contract-table";
import { applyLotSnapshot } from "@/domain/marketplace/apply-lot-snapshot";
import { portal } from "@/server/portal";
import { lotEvent, lotSnapshot } from "@/test/buyer-events";
import { contractSnapshot, holdBid } from "@/test/negotiation-snapshots";
import { producerBids } from "./producer-bid-table";

// Generated extreme values through the producer's side of the path: the bid form → the queued POST /api/bids, and
// the contract.created snapshot the buyer portal would send for them → the contract held here.

const ORIGIN = "http://localhost:3001";
const DAY = 86_400_000;
let cookie: string;
let organizationId: string;

beforeAll(async () => {
  ({ organizationId } = await createOrganizationWithUsers(portal().db, { name: "Greenacre", slug: "greenacre-x" }, [
    { name: "Piet", email: "piet@greenacre-x.example", password: "correct-horse-battery", role: "member" },
  ]));
  cookie = await signIn(auth, ORIGIN, "piet@greenacre-x.example", "correct-horse-battery");
});

/** The value as a numeric(p, scale) column gives it back. */
const atScale = (value: string, scale: number) => {
  const [integer, fraction = ""] = value.split(".");
  return `${integer}.${fraction.padEnd(scale, "0")}`;
};
/** The body of the queued `POST /api/bids` of bid `id` (however the outbox message wraps it). */
async function queuedSubmission(id: string) {
  const payloads = (await portal().db.select().from(outboxMessage)).map(
    (message) => message.payload as { body?: { externalBidId?: string }; externalBidId?: string },
  );
  return payloads.map((payload) => payload.body ?? payload).find((body) => body.externalBidId === id);
}
const counts = async () => ({
  bids: await portal().db.$count(producerBids),
  calls: await portal().db.$count(outboxMessage),
  contracts: await portal().db.$count(producerContracts),
});

describe("extreme volumes and prices on the producer's side", () => {
  it("the bid form queues exactly what fits and refuses the rest with 422 naming the field; the contract made of it is held with the same total", async () => {
    const seen = { contracts: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(nearLimit(VOLUME), nearLimit(PRICE), async (volume, pricePerUnit) => {
        const lot = lotSnapshot({ volume: largest(VOLUME), minBidVolume: "0.001", targetPrice: null });
        await portal().db.transaction((tx) => applyLotSnapshot(tx, lotEvent("lot.published", lot)));
        const before = await counts();
        const form = {
          volume,
          pricePerUnit,
          currency: "EUR",
          validUntil: new Date(Date.now() + 10 * DAY).toISOString(),
        };
        const response = await call(placeBid, `${ORIGIN}/api/marketplace/lots/${lot.id}/bids`, {
          body: form,
          cookie,
          params: { id: lot.id },
        });
        if (!(fitsColumn(volume, VOLUME) && fitsColumn(pricePerUnit, PRICE) && totalFits(volume, pricePerUnit))) {
          expect(response.status).toBe(422);
          const problem = await response.json();
          const field = !fitsColumn(volume, VOLUME) ? "volume" : "pricePerUnit";
          expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
          expect(await counts()).toEqual(before);
          seen.refused++;
          return;
        }
        expect(response.status).toBe(202);
        const placed = await response.json();
        expect(await queuedSubmission(placed.id)).toMatchObject({ volume, pricePerUnit });

        // The buyer portal confirms the bid and sends the contract made of it.
        const buyerBidId = `bid_x${seen.contracts}${Date.now()}`;
        await portal()
          .db.update(producerBids)
          .set({ buyerBidId, state: "accepted" })
          .where(eq(producerBids.id, placed.id));
        const total = lineTotal(volume, pricePerUnit);
        const base = contractSnapshot(organizationId, { bidId: buyerBidId, lotId: lot.id });
        const contract = contractSchema.parse({
          ...base,
          terms: { ...base.terms, volume: atScale(volume, 3), pricePerUnit: atScale(pricePerUnit, 4), total },
        });
        await portal().db.transaction((tx) => applyContractSnapshot(tx, "http://localhost:3001", contract));
        const [held] = await portal().db.select().from(producerContracts).where(eq(producerContracts.id, contract.id));
        expect(held.snapshot.terms).toEqual(contract.terms);
        seen.contracts++;
      }),
      { numRuns: 40, seed: 14 },
    );
    // Both outcomes were exercised, not only one.
    expect(seen.contracts).toBeGreaterThan(5);
    expect(seen.refused).toBeGreaterThan(5);
  });

  it("a revision of the price alone whose total with the bid's volume would not fit is refused with 422 on pricePerUnit, nothing queued", async () => {
    const lot = lotSnapshot({ volume: largest(VOLUME), minBidVolume: "0.001", targetPrice: null });
    await portal().db.transaction((tx) => applyLotSnapshot(tx, lotEvent("lot.published", lot)));
    const bid = await holdBid("pbid_revise_x", organizationId, lot, "submitted", {
      volume: "10000000.001",
      pricePerUnit: "1.0000",
    });
    const before = await counts();
    const patch = (pricePerUnit: string) =>
      call(revise, `${ORIGIN}/api/bids/${bid.id}`, {
        method: "PATCH",
        body: { pricePerUnit },
        cookie,
        params: { id: bid.id },
      });
    const response = await patch(largest(PRICE));
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem.type).toBe("urn:lotbridge:problem:total-too-large");
    expect(problem.errors).toEqual([{ field: "pricePerUnit", message: expect.stringContaining(largest(TOTAL)) }]);
    expect(await counts()).toEqual(before);
    // Exactly the largest total: 10000000.001 × 99999999990 = 999999999999999999.99.
    expect(lineTotal("10000000.001", "99999999990")).toBe(largest(TOTAL));
    expect((await patch("99999999990")).status).toBe(202);
  });
});
