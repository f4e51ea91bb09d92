import type { Lot } from "@lotbridge/contract/lot";
import { beforeAll, describe, expect, it } from "vitest";
import { portal } from "@/server/portal";
import { lotEvent, lotSnapshot } from "@/test/buyer-events";
import { applyLotSnapshot } from "./apply-lot-snapshot";
import { listMarketplaceCommodities } from "./list-marketplace-commodities";

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

beforeAll(async () => {
  const { db } = portal();
  const apply = (type: "lot.published" | "lot.closed", change: Partial<Lot>) =>
    db.transaction((tx) => applyLotSnapshot(tx, lotEvent(type, lotSnapshot(change))));
  // Rye's only lot is past its deadline, as is Durum's first: passing over them must not lose what comes after.
  await apply("lot.published", { commodity: "Wheat", biddingDeadline: inDays(3) });
  await apply("lot.published", { commodity: "Wheat", biddingDeadline: inDays(5) });
  await apply("lot.published", { commodity: "Rye", biddingDeadline: inDays(-1) });
  await apply("lot.published", { commodity: "Barley", biddingDeadline: inDays(1) });
  await apply("lot.published", { commodity: "Durum", biddingDeadline: inDays(-2) });
  await apply("lot.published", { commodity: "Durum", biddingDeadline: inDays(2) });
  await apply("lot.closed", { commodity: "Oats", status: "closed" });
});

describe("listMarketplaceCommodities", () => {
  it("names each commodity of a lot open for bids once, in order: none only closed or past its deadline", async () => {
    expect(await listMarketplaceCommodities(portal().db)).toEqual(["Barley", "Durum", "Wheat"]);
  });
});
