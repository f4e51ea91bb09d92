import { bidSubmissionSchema } from "@lotbridge/contract/bid-submission";
import { expect, it } from "vitest";
import { issueApiKey } from "@/integration/issue-api-key";
import { portal } from "@/server/portal";
import { bidInput, publishedLot } from "@/test/bids";
import { buyerOrganization, PUBLIC_URL } from "@/test/lots";
import { counterBid } from "./counter-bid";
import { findBuyerBid } from "./find-buyer-bid";
import { submitBid } from "./submit-bid";

const HOUR = 3_600_000;

it("shows the buyer a bid on its own lot with the whole thread and the lot, and another organization nothing", async () => {
  const { db } = portal();
  const issued = await issueApiKey(db, { name: "bids", platform: "producer-portal", scopes: ["bids:write"] });
  const caller = { apiKeyId: issued.id, platform: "producer-portal" };
  const mill = await buyerOrganization("Reading Mill");
  const other = await buyerOrganization("Curious Mill");
  const lot = await publishedLot(mill);
  const input = bidSubmissionSchema.parse(bidInput(lot.id, "porg_read", { volume: "120", pricePerUnit: "245.50" }));
  const bid = await submitBid(db, caller, input, { publicUrl: PUBLIC_URL });
  await counterBid(
    db,
    mill.organizationId,
    bid.id,
    {
      volume: "100",
      pricePerUnit: "239.00",
      deliveryTerms: "DAP Hamburg, October",
      message: "100 t at this price?",
      expiresAt: new Date(Date.now() + 48 * HOUR).toISOString(),
    },
    { publicUrl: PUBLIC_URL },
  );

  const found = await findBuyerBid(db, mill.organizationId, bid.id);

  expect(found?.lot).toMatchObject({ id: lot.id, number: lot.number, organizationId: mill.organizationId });
  expect(found?.bid).toMatchObject({ id: bid.id, lotNumber: lot.number, status: "countered" });
  expect(found?.bid.offers.map((o) => [o.round, o.fromParty, o.volume, o.pricePerUnit, o.total, o.status])).toEqual([
    [1, "producer", "120.000", "245.5000", "29460.00", "superseded"],
    [2, "buyer", "100.000", "239.0000", "23900.00", "pending"],
  ]);
  expect(await findBuyerBid(db, other.organizationId, bid.id)).toBeUndefined();
  expect(await findBuyerBid(db, mill.organizationId, "bid_missing")).toBeUndefined();
});
