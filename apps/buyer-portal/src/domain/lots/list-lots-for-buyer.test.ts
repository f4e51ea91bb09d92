import { bidSubmissionSchema } from "@lotbridge/contract/bid-submission";
import { beforeAll, describe, expect, it } from "vitest";
import { decideBid } from "@/domain/bids/decide-bid";
import { submitBid } from "@/domain/bids/submit-bid";
import { withdrawBid } from "@/domain/bids/withdraw-bid";
import { issueApiKey } from "@/integration/issue-api-key";
import { portal } from "@/server/portal";
import { bidInput, publishedLot } from "@/test/bids";
import { buyerOrganization, draftLot, PUBLIC_URL } from "@/test/lots";
import { listLotsForBuyer } from "./list-lots-for-buyer";

const change = { publicUrl: PUBLIC_URL };
let platform: { apiKeyId: string; platform: string };
let mill: Awaited<ReturnType<typeof buyerOrganization>>;
let neighbour: Awaited<ReturnType<typeof buyerOrganization>>;

beforeAll(async () => {
  const issued = await issueApiKey(portal().db, { name: "bids", platform: "producer-portal", scopes: ["bids:write"] });
  platform = { apiKeyId: issued.id, platform: "producer-portal" };
  mill = await buyerOrganization("Listing Mill");
  neighbour = await buyerOrganization("Next Door Mill");
});

const place = (lotId: string, organizationId: string, terms: Record<string, unknown> = {}) =>
  submitBid(portal().db, platform, bidSubmissionSchema.parse(bidInput(lotId, organizationId, terms)), change);

describe("listLotsForBuyer", () => {
  it("gives each lot its bid count, best live price and open volume as exact decimals; the neighbour's lots never appear", async () => {
    const { db } = portal();
    const wheat = await publishedLot(mill, { title: "Milling wheat 100%", volume: "500.5" });
    await place(wheat.id, "porg_a", { pricePerUnit: "241.25" });
    await place(wheat.id, "porg_b", { pricePerUnit: "238.1250" });
    // Cheaper, but no longer live: not the best live price.
    const withdrawn = await place(wheat.id, "porg_c", { pricePerUnit: "199.00" });
    await withdrawBid(db, { ...platform, organizationId: "porg_c" }, withdrawn.id, change);
    const accepted = await place(wheat.id, "porg_d", { pricePerUnit: "250.00", volume: "100.25" });
    await decideBid(db, mill.organizationId, accepted.id, { action: "accept" }, change);
    const barley = await publishedLot(mill, { title: "Feed barley", commodity: "Barley" });
    const draft = await draftLot(mill, { title: "Rye for spring", commodity: "rye" });
    const theirs = await publishedLot(neighbour, { title: "Milling wheat next door" });
    await place(theirs.id, "porg_a", { pricePerUnit: "100.00" });

    const all = await listLotsForBuyer(db, mill.organizationId);

    expect(all.total).toBe(3);
    expect(all.lots.map((lot) => lot.id)).toEqual([draft.id, barley.id, wheat.id]);
    expect(all.lots.find((lot) => lot.id === wheat.id)).toMatchObject({
      bidCount: 4,
      liveBidCount: 2,
      bestLivePrice: "238.1250",
      volume: "500.500",
      openVolume: "400.250",
      status: "published",
    });
    expect(all.lots.find((lot) => lot.id === barley.id)).toMatchObject({
      bidCount: 0,
      liveBidCount: 0,
      bestLivePrice: null,
      openVolume: "500.000",
    });
    expect([...all.commodities].sort()).toEqual(["Barley", "Wheat", "rye"]);
    const next = await listLotsForBuyer(db, neighbour.organizationId);
    expect(next.lots.map((lot) => [lot.id, lot.bidCount, lot.bestLivePrice])).toEqual([[theirs.id, 1, "100.0000"]]);
  });

  it("filters by words, status and commodity (any case), and pages with a total", async () => {
    const { db } = portal();
    const list = (filter: Parameters<typeof listLotsForBuyer>[2]) =>
      listLotsForBuyer(db, mill.organizationId, filter).then((page) => page.lots.map((lot) => lot.title));

    expect(await list({ q: "milling 100%" })).toEqual(["Milling wheat 100%"]);
    expect(await list({ q: "100_" })).toEqual([]);
    expect(await list({ q: "wheat" })).toEqual(["Milling wheat 100%"]); // never the neighbour's wheat
    expect(await list({ status: "draft" })).toEqual(["Rye for spring"]);
    expect(await list({ commodity: "RYE" })).toEqual(["Rye for spring"]);
    expect(await list({ commodity: "barley", status: "published" })).toEqual(["Feed barley"]);
    expect(await list({ commodity: "barley", status: "draft" })).toEqual([]);

    const first = await listLotsForBuyer(db, mill.organizationId, { pageSize: 2 });
    const second = await listLotsForBuyer(db, mill.organizationId, { pageSize: 2, page: 2 });
    const beyond = await listLotsForBuyer(db, mill.organizationId, { pageSize: 2, page: 5 });
    expect([first.lots.length, second.lots.length, beyond.lots.length]).toEqual([2, 1, 0]);
    expect([first.total, second.total, beyond.total]).toEqual([3, 3, 3]);
    expect(new Set([...first.lots, ...second.lots].map((lot) => lot.id)).size).toBe(3);
  });
});
