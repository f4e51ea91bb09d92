import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import type { Lot } from "@lotbridge/contract/lot";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { type ProducerBidState, producerBids } from "@/domain/bids/producer-bid-table";
import { applyLotSnapshot } from "@/domain/marketplace/apply-lot-snapshot";
import { portal } from "@/server/portal";
import { lotEvent, lotSnapshot } from "@/test/buyer-events";
import { GET as readBid, PATCH as revise } from "./route";
import { POST as withdraw } from "./withdraw/route";

const ORIGIN = "http://localhost:3001";
const DAY = 86_400_000;
let greenacre: string;
let hillside: string;
let greenacreId: string;
let wheat: Lot;

const url = (id: string) => `${ORIGIN}/api/bids/${id}`;
const patch = (id: string, body: unknown, cookie = greenacre) =>
  call(revise, url(id), { method: "PATCH", body, cookie, params: { id } });
const stored = async (id: string) => (await portal().db.select().from(producerBids).where(eq(producerBids.id, id)))[0];
const calls = () => portal().db.select().from(outboxMessage);

async function holdBid(id: string, state: ProducerBidState, lot = wheat) {
  await portal()
    .db.insert(producerBids)
    .values({
      id,
      lotId: lot.id,
      lotNumber: lot.number,
      lotTitle: lot.title,
      unit: "t",
      organizationId: greenacreId,
      userId: "usr_piet",
      volume: "100.000",
      pricePerUnit: "240.5000",
      currency: "EUR",
      deliveryTerms: "DAP Hamburg",
      message: "",
      validUntil: new Date(Date.now() + 5 * DAY),
      state,
      buyerBidId: state === "sending" ? null : `bid_of_${id}`,
      version: state === "sending" ? 0 : 1,
    });
}

async function publish(change: Partial<Lot>): Promise<Lot> {
  const lot = lotSnapshot(change);
  await portal().db.transaction((tx) => applyLotSnapshot(tx, lotEvent("lot.published", lot)));
  return lot;
}

beforeAll(async () => {
  const { db } = portal();
  ({ organizationId: greenacreId } = await createOrganizationWithUsers(db, { name: "Greenacre", slug: "greenacre" }, [
    { name: "Piet", email: "piet@greenacre.example", password: "correct-horse-battery", role: "member" },
  ]));
  await createOrganizationWithUsers(db, { name: "Hillside", slug: "hillside" }, [
    { name: "Hanna", email: "hanna@hillside.example", password: "correct-horse-battery", role: "member" },
  ]);
  greenacre = await signIn(auth, ORIGIN, "piet@greenacre.example", "correct-horse-battery");
  hillside = await signIn(auth, ORIGIN, "hanna@hillside.example", "correct-horse-battery");
  wheat = await publish({ volume: "500.000", allocatedVolume: "200.000", minBidVolume: "50.000" });
});

beforeEach(async () => {
  await portal().db.delete(outboxMessage);
  await portal().db.delete(producerBids);
});

describe("PATCH /api/bids/{id}", () => {
  it("queues one PATCH to the buyer portal and marks the revision pending, keeping the terms until it is answered", async () => {
    await holdBid("pbid_live", "submitted");
    const response = await patch("pbid_live", { pricePerUnit: "236.00", volume: "120" });
    expect(response.status).toBe(202);

    const queued = await calls();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ eventType: "bid.revise", eventId: expect.stringMatching(/^revision_/) });
    expect(queued[0].payload).toEqual({
      bidId: "bid_of_pbid_live",
      organizationId: greenacreId,
      revision: { pricePerUnit: "236.00", volume: "120" },
    });
    const row = await stored("pbid_live");
    expect(row).toMatchObject({ pricePerUnit: "240.5000", volume: "100.000", pendingCallId: queued[0].id });
    expect(row.pendingChange).toMatchObject({ kind: "revision", pricePerUnit: "236.00", volume: "120" });

    const shown = await (
      await call(readBid, url("pbid_live"), { cookie: greenacre, params: { id: "pbid_live" } })
    ).json();
    expect(shown.pendingChange).toMatchObject({ kind: "revision" });
  });

  it("refuses a second change while the first is on its way, and queues nothing", async () => {
    await holdBid("pbid_live", "submitted");
    expect((await patch("pbid_live", { pricePerUnit: "236.00" })).status).toBe(202);
    for (const second of [
      () => patch("pbid_live", { pricePerUnit: "235.00" }),
      () => call(withdraw, `${url("pbid_live")}/withdraw`, { cookie: greenacre, params: { id: "pbid_live" } }),
    ]) {
      const response = await second();
      expect(response.status).toBe(409);
      expect((await response.json()).detail).toContain("revision of this bid is still on its way");
    }
    expect(await calls()).toHaveLength(1);
  });

  const bad: [string, unknown, number, string, string][] = [
    ["over the remaining volume", { volume: "300.001" }, 422, "volume", "at most 300.000 t"],
    ["under the minimum", { volume: "10" }, 422, "volume", "at least 50.000 t"],
    ["valid until a past moment", { validUntil: "2020-01-01T00:00:00Z" }, 422, "validUntil", "future"],
    ["with a number for a price", { pricePerUnit: 236 }, 422, "pricePerUnit", "decimal number"],
    ["that changes nothing", {}, 422, "(body)", "must change at least one of"],
  ];
  it.each(bad)(
    "refuses a revision %s, naming the field, and changes nothing",
    async (_, body, status, field, words) => {
      await holdBid("pbid_live", "submitted");
      const before = await stored("pbid_live");
      const response = await patch("pbid_live", body);
      expect(response.status).toBe(status);
      const problem = await response.json();
      expect(problem.errors).toEqual([{ field, message: expect.stringContaining(words) }]);
      expect(await stored("pbid_live")).toEqual(before);
      expect(await calls()).toHaveLength(0);
    },
  );

  it.each([
    ["still being sent", "sending" as const, "still on its way"],
    ["accepted", "accepted" as const, "only a submitted bid can be revised"],
    ["refused", "refused" as const, "only a submitted bid can be revised"],
  ])("refuses to revise a bid %s", async (_, state, words) => {
    await holdBid("pbid_other", state);
    const response = await patch("pbid_other", { pricePerUnit: "236.00" });
    expect(response.status).toBe(409);
    expect((await response.json()).detail).toContain(words);
    expect(await calls()).toHaveLength(0);
  });

  it("refuses a revision once the lot closed", async () => {
    const closing = await publish({});
    await holdBid("pbid_closing", "submitted", closing);
    await portal().db.transaction((tx) =>
      applyLotSnapshot(tx, lotEvent("lot.closed", { ...closing, status: "closed", version: closing.version + 1 })),
    );
    const response = await patch("pbid_closing", { pricePerUnit: "236.00" });
    expect(response.status).toBe(409);
    expect((await response.json()).errors).toEqual([{ field: "lotId", message: "is not open for bids" }]);
    expect(await calls()).toHaveLength(0);
  });

  it("keeps another organization's bid out of reach: 404 to read or revise, nothing queued", async () => {
    await holdBid("pbid_live", "submitted");
    const read = await call(readBid, url("pbid_live"), { cookie: hillside, params: { id: "pbid_live" } });
    expect(read.status).toBe(404);
    expect((await patch("pbid_live", { pricePerUnit: "1.00" }, hillside)).status).toBe(404);
    expect(await calls()).toHaveLength(0);
    expect((await stored("pbid_live")).pendingCallId).toBeNull();
  });
});
