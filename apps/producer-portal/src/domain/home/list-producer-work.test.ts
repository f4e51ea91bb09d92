import { insertUser, newAuthId } from "@lotbridge/auth/create-account";
import { member, organization } from "@lotbridge/auth/tables";
import type { Contract } from "@lotbridge/contract/contract";
import type { Lot } from "@lotbridge/contract/lot";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { announceDispatch } from "@/domain/deliveries/announce-dispatch";
import { producerDispatches } from "@/domain/deliveries/producer-dispatch-table";
import { applyLotSnapshot } from "@/domain/marketplace/apply-lot-snapshot";
import { saveSearch } from "@/domain/saved-searches/save-search";
import { savedSearchInputSchema } from "@/domain/saved-searches/saved-search-input";
import { handleBuyerEvent } from "@/integration/handle-buyer-event";
import { portal } from "@/server/portal";
import { lotEvent, lotSnapshot } from "@/test/buyer-events";
import {
  activeContractSnapshot,
  buyerEvent,
  contractSnapshot,
  counteredThread,
  deliveredContract,
  dispatchSnapshot,
  holdBid,
  holdBidOfContract,
  signatureOf,
  ticketSnapshot,
} from "@/test/negotiation-snapshots";
import { listProducerWork } from "./list-producer-work";

const PUBLIC_URL = "http://producer.test";
const HOUR = 3_600_000;

async function person(organizationId: string, email: string) {
  const { db } = portal();
  const userId = await insertUser(db, organizationId, { name: email, email, role: "member" }, "x");
  const [row] = await db.select({ id: member.id }).from(member).where(eq(member.userId, userId));
  return { memberId: row.id, organizationId };
}

async function farm(name: string) {
  const id = newAuthId("org");
  await portal().db.insert(organization).values({ id, name, slug: id });
  return id;
}

const publish = (lot = lotSnapshot()) =>
  portal()
    .db.transaction((tx) => applyLotSnapshot(tx, lotEvent("lot.published", lot), { publicUrl: PUBLIC_URL }))
    .then(() => lot);

const holdContract = async (organizationId: string, change = {}) => {
  const contract = contractSnapshot(organizationId, change);
  await holdBidOfContract(contract);
  await portal().db.transaction((tx) =>
    handleBuyerEvent(tx, buyerEvent("contract.created", contract), { publicUrl: PUBLIC_URL }),
  );
  return contract;
};

const terms = contractSnapshot("org_any").terms;
const load = { plannedDate: "2027-09-03", vehicleReference: "HH-MB 7", estimatedWeight: "24", note: "" };
const w1 = { number: "W-1", grossWeight: "38", tareWeight: "14" };
const asMember = (who: { memberId: string; organizationId: string }) => ({
  ...who,
  userId: "usr_mia",
  email: "mia@work.test",
  role: "member" as const,
});

let greenacre: string;
let piet: { memberId: string; organizationId: string };
let greta: { memberId: string; organizationId: string };
let hanna: { memberId: string; organizationId: string };

beforeAll(async () => {
  greenacre = await farm("Greenacre");
  piet = await person(greenacre, "piet@work.test");
  greta = await person(greenacre, "greta@work.test");
  hanna = await person(await farm("Hillside"), "hanna@work.test");
});

describe("what needs the producer now", () => {
  it("counts each kind of work, shows the first items, and the neighbour farm sees none of it", async () => {
    const { db } = portal();
    await saveSearch(db, piet, savedSearchInputSchema.parse({ name: "Barley", commodity: "Barley" }));
    const barley: Lot[] = [];
    for (let i = 0; i < 7; i++) barley.push(await publish(lotSnapshot({ commodity: "Barley", title: `Barley ${i}` })));
    await publish(lotSnapshot({ commodity: "Wheat" }));
    // A lot already bid on is no longer new work; neither is one whose bidding closed.
    await holdBid(`pbid_${barley[0].id}`, greenacre, barley[0], "submitted");
    await db.transaction((tx) =>
      applyLotSnapshot(tx, lotEvent("lot.closed", { ...barley[1], status: "closed", version: barley[1].version + 1 })),
    );

    const wheat = lotSnapshot({ commodity: "Wheat" });
    const countered = await holdBid("pbid_countered", greenacre, wheat, "countered");
    await holdBid("pbid_answering", greenacre, wheat, "countered", { pendingChange: { kind: "withdrawal" } });
    await holdBid("pbid_lapsed", greenacre, wheat, "countered", {
      offers: counteredThread(new Date(Date.now() - HOUR).toISOString()),
    });
    const expiring = await holdBid("pbid_expiring", greenacre, wheat, "submitted", {
      validUntil: new Date(Date.now() + 5 * HOUR),
    });
    await holdBid("pbid_later", greenacre, wheat, "submitted", { validUntil: new Date(Date.now() + 72 * HOUR) });
    const unsigned = await holdContract(greenacre);
    await holdContract(greenacre, { signatures: [signatureOf("producer")] });
    await holdContract(greenacre, { status: "active" });

    const work = await listProducerWork(db, piet);
    expect(work.newLots.count).toBe(5);
    expect(work.newLots.items).toHaveLength(5);
    expect(work.newLots.items.map((item) => item.lotId)).not.toContain(barley[0].id);
    expect(work.newLots.items[0]).toMatchObject({ lotId: barley[6].id, title: "Barley 6", searchName: "Barley" });
    expect(work.counterOffers).toEqual({
      count: 1,
      items: [expect.objectContaining({ bidId: countered.id, volume: "80.000", pricePerUnit: "236.0000" })],
    });
    expect(work.contractsToSign).toEqual({
      count: 1,
      items: [
        { contractId: unsigned.id, number: unsigned.number, lotTitle: unsigned.lot.title, buyer: "Northfield Mills" },
      ],
    });
    expect(work.expiringBids).toEqual({
      count: 1,
      items: [
        expect.objectContaining({
          bidId: expiring.id,
          validUntil: expiring.validUntil.toISOString().replace(/\.\d{3}Z$/, "Z"),
        }),
      ],
    });

    // A colleague shares the organization's bids and contracts, not Piet's searches.
    const colleague = await listProducerWork(db, greta);
    expect(colleague.newLots.count).toBe(0);
    expect(colleague.counterOffers.count).toBe(1);
    expect(colleague.contractsToSign.count).toBe(1);

    const neighbour = await listProducerWork(db, hanna);
    expect(neighbour).toEqual({
      newLots: { count: 0, items: [] },
      counterOffers: { count: 0, items: [] },
      contractsToSign: { count: 0, items: [] },
      expiringBids: { count: 0, items: [] },
      overdueContracts: { count: 0, items: [] },
      loadsToAnnounce: { count: 0, items: [] },
    });
  });

  it("lists contracts overdue and active contracts with no load announced, the organization's only", async () => {
    const { db } = portal();
    const farmId = await farm("Meadowbank");
    const mia = await person(farmId, "mia@work.test");
    const receive = (type: string, contract: Contract) =>
      db.transaction((tx) => handleBuyerEvent(tx, buyerEvent(type, contract), { publicUrl: PUBLIC_URL }));
    const hold = async (contract: Contract) => {
      await holdBidOfContract(contract);
      await receive("contract.updated", contract);
      return contract;
    };
    const idle = await hold(activeContractSnapshot(farmId, { terms: { ...terms, deliveryStart: "2027-09-01" } }));
    const later = await hold(activeContractSnapshot(farmId, { terms: { ...terms, deliveryStart: "2027-10-01" } }));
    // A load on its way, or one the buyer has, is announced; a refused one is not.
    const sending = await hold(activeContractSnapshot(farmId));
    await announceDispatch(db, { ...asMember(mia), name: "Mia" }, sending.id, load);
    const refused = await hold(activeContractSnapshot(farmId, { terms: { ...terms, deliveryStart: "2027-09-15" } }));
    const refusedLoad = await announceDispatch(db, { ...asMember(mia), name: "Mia" }, refused.id, load);
    await db.update(producerDispatches).set({ status: "refused" }).where(eq(producerDispatches.id, refusedLoad.id));
    const active = activeContractSnapshot(farmId);
    await hold(deliveredContract(active, { dispatches: [dispatchSnapshot()] }));
    // Overdue: flagged by the buyer portal, still open for deliveries; a fulfilled one is not work any more.
    const late = await hold(activeContractSnapshot(farmId));
    await receive(
      "contract.updated",
      deliveredContract(late, { overdueSince: "2027-10-01T00:01:00.000Z", tickets: [ticketSnapshot(late, w1)] }),
    );
    const done = await hold(activeContractSnapshot(farmId));
    await receive(
      "contract.fulfilled",
      deliveredContract(done, { overdueSince: "2027-10-01T00:01:00.000Z" }, { status: "fulfilled" }),
    );

    const work = await listProducerWork(db, mia);
    expect(work.loadsToAnnounce).toEqual({
      count: 3,
      items: [idle, refused, later].map((c) => ({
        contractId: c.id,
        number: c.number,
        lotTitle: "Milling wheat",
        buyer: "Northfield Mills",
        deliveryStart: c.terms.deliveryStart,
        deliveryEnd: c.terms.deliveryEnd,
      })),
    });
    expect(work.overdueContracts).toEqual({
      count: 1,
      items: [
        {
          contractId: late.id,
          number: late.number,
          lotTitle: "Milling wheat",
          deliveryEnd: "2027-09-30",
          remaining: "56.000",
          unit: "t",
        },
      ],
    });
    const neighbour = await listProducerWork(db, hanna);
    expect(neighbour.loadsToAnnounce.count).toBe(0);
    expect(neighbour.overdueContracts.count).toBe(0);
  });
});
