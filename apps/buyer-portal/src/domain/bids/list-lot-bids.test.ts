import { bidSubmissionSchema } from "@lotbridge/contract/bid-submission";
import { expect, it } from "vitest";
import { issueApiKey } from "@/integration/issue-api-key";
import { portal } from "@/server/portal";
import { bidInput, publishedLot } from "@/test/bids";
import { buyerOrganization, PUBLIC_URL } from "@/test/lots";
import { listLotBids } from "./list-lot-bids";
import { submitBid } from "./submit-bid";

it("shows a buyer every bid on its own lot with decimal totals, and another organization nothing", async () => {
  const { db } = portal();
  const issued = await issueApiKey(db, { name: "bids", platform: "producer-portal", scopes: ["bids:write"] });
  const caller = { apiKeyId: issued.id, platform: "producer-portal" };
  const mill = await buyerOrganization("Compare Mill");
  const other = await buyerOrganization("Other Mill");
  const lot = await publishedLot(mill);
  for (const [organizationId, pricePerUnit] of [
    ["porg_a", "245.50"],
    ["porg_b", "239.75"],
  ]) {
    const input = bidSubmissionSchema.parse(bidInput(lot.id, organizationId, { pricePerUnit, volume: "120.5" }));
    await submitBid(db, caller, input, { publicUrl: PUBLIC_URL });
  }
  const listed = await listLotBids(db, mill.organizationId, lot.id);
  expect(listed?.map((b) => [b.bidder.organizationId, b.pricePerUnit, b.total]).sort()).toEqual([
    ["porg_a", "245.5000", "29582.75"],
    ["porg_b", "239.7500", "28889.88"],
  ]);
  expect(await listLotBids(db, other.organizationId, lot.id)).toBeUndefined();
});
