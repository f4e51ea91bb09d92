import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import type { Lot } from "@lotbridge/contract/lot";
import { notification } from "@lotbridge/notifications/tables";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { producerBids } from "@/domain/bids/producer-bid-table";
import { handleBuyerEvent } from "@/integration/handle-buyer-event";
import { portal } from "@/server/portal";
import { lotEvent, lotSnapshot } from "@/test/buyer-events";

const CONTEXT = { publicUrl: "http://localhost:3001" };
let lot: Lot;
let bidding: string;
let withdrawn: string;

const apply = (type: Parameters<typeof lotEvent>[0], snapshot: Lot) =>
  portal().db.transaction((tx) => handleBuyerEvent(tx, lotEvent(type, snapshot), CONTEXT));
const told = async () =>
  (await portal().db.select().from(notification)).map((n) => ({
    organizationId: n.organizationId,
    type: n.type,
    title: n.title,
    body: n.body,
  }));

async function organization(slug: string) {
  const { organizationId } = await createOrganizationWithUsers(portal().db, { name: slug, slug }, [
    { name: slug, email: `${slug}@farm.example`, password: "correct-horse-battery", role: "admin" },
  ]);
  return organizationId;
}

async function bid(id: string, organizationId: string, state: "submitted" | "withdrawn") {
  await portal()
    .db.insert(producerBids)
    .values({
      id,
      lotId: lot.id,
      lotNumber: lot.number,
      lotTitle: lot.title,
      unit: "t",
      organizationId,
      userId: "usr_any",
      volume: "100",
      pricePerUnit: "240",
      currency: "EUR",
      deliveryTerms: "",
      message: "",
      validUntil: new Date(Date.now() + 86_400_000),
      state,
    });
}

beforeAll(async () => {
  bidding = await organization("bidding-farm");
  withdrawn = await organization("withdrawn-farm");
  lot = lotSnapshot({ version: 1, paymentTerms: "30 days after delivery" });
  await apply("lot.published", lot);
  await bid("pbid_live", bidding, "submitted");
  await bid("pbid_gone", withdrawn, "withdrawn");
});

beforeEach(() => portal().db.delete(notification));

describe("producers bidding on a lot hear what happened to it", () => {
  it("a change of its terms tells each organization with a live bid, once, naming what changed", async () => {
    const changed = { ...lot, version: 2, paymentTerms: "60 days after delivery" };
    await apply("lot.updated", changed);
    await apply("lot.updated", changed); // a replay tells nobody again
    expect(await told()).toEqual([
      {
        organizationId: bidding,
        type: "lot.updated",
        title: `${lot.number} ${lot.title} changed`,
        body: "The buyer changed payment terms 30 days after delivery → 60 days after delivery. Review your bid.",
      },
    ]);
    lot = changed;
  });

  it("a new allocation alone is not news for bidders", async () => {
    lot = { ...lot, version: 3, allocatedVolume: "100.000" };
    await apply("lot.updated", lot);
    expect(await told()).toEqual([]);
  });

  it("closing and cancelling are told to live bidders only", async () => {
    lot = { ...lot, version: 4, status: "closed" };
    await apply("lot.closed", lot);
    lot = { ...lot, version: 5, status: "cancelled" };
    await apply("lot.cancelled", lot);
    expect((await told()).map((n) => [n.organizationId, n.type])).toEqual([
      [bidding, "lot.closed"],
      [bidding, "lot.withdrawn"],
    ]);
  });
});
