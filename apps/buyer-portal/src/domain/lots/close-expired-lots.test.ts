import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { portal } from "@/server/portal";
import { buyerOrganization, draftLot, eventsAbout, notificationsOf, PUBLIC_URL, storedLot } from "@/test/lots";
import { closeExpiredLots } from "./close-expired-lots";
import { lots } from "./lot-table";
import { publishLot } from "./publish-lot";

const HOUR = 3_600_000;
let mill: Awaited<ReturnType<typeof buyerOrganization>>;

beforeAll(async () => {
  mill = await buyerOrganization("Hamburg Mill");
});

beforeEach(async () => {
  await portal().db.update(lots).set({ status: "cancelled" }).where(eq(lots.status, "published"));
});

/** A published lot whose deadline is `hours` from now. */
async function publishedLot(hours: number) {
  const draft = await draftLot(mill, { biddingDeadline: new Date(Date.now() + hours * HOUR).toISOString() });
  await publishLot(portal().db, draft.id, { actor: mill, publicUrl: PUBLIC_URL });
  return draft;
}

const runAt = (now: Date) => closeExpiredLots(portal().db, now, { publicUrl: PUBLIC_URL });

describe("closing lots at their bidding deadline", () => {
  it("closes exactly the published lots whose deadline has come, with lot.closed and a notice to the buyer", async () => {
    const soon = await publishedLot(1);
    const later = await publishedLot(5);
    const draft = await draftLot(mill, { biddingDeadline: new Date(Date.now() + HOUR).toISOString() });

    const closed = await runAt(new Date(Date.now() + 2 * HOUR));

    expect(closed.map((lot) => lot.id)).toEqual([soon.id]);
    expect(await storedLot(soon.id)).toMatchObject({ status: "closed", version: 3 });
    expect(await eventsAbout(soon.id)).toEqual([
      ["lot.published", 2],
      ["lot.closed", 3],
    ]);
    expect(await storedLot(later.id)).toMatchObject({ status: "published" });
    expect(await storedLot(draft.id)).toMatchObject({ status: "draft" });
    expect((await notificationsOf(mill.userId)).filter((n) => n.type === "lot.closed").map((n) => n.link)).toEqual([
      `/lots/${soon.id}`,
    ]);
  });

  it("closes a lot whose deadline is exactly now, and nothing on a second run", async () => {
    const lot = await publishedLot(1);
    const deadline = (await storedLot(lot.id)).biddingDeadline;
    expect((await runAt(deadline)).map((l) => l.id)).toEqual([lot.id]);
    expect(await runAt(deadline)).toEqual([]);
  });

  it("closes each lot once when several instances run at the same moment", async () => {
    const expiring = await Promise.all([1, 1, 1, 1, 1, 1].map((h) => publishedLot(h)));
    const at = new Date(Date.now() + 2 * HOUR);
    const runs = await Promise.all([runAt(at), runAt(at), runAt(at)]);
    const closedIds = runs.flat().map((lot) => lot.id);
    expect(closedIds.sort()).toEqual(expiring.map((l) => l.id).sort());
    for (const lot of expiring) expect((await eventsAbout(lot.id)).filter(([t]) => t === "lot.closed")).toHaveLength(1);
  });

  it("leaves alone a lot the buyer holds at that moment; the next run closes it", async () => {
    const lot = await publishedLot(1);
    const at = new Date(Date.now() + 2 * HOUR);
    const { pool } = portal();
    const buyer = await pool.connect();
    try {
      await buyer.query("begin");
      await buyer.query("select id from lot where id = $1 for update", [lot.id]);
      expect(await runAt(at)).toEqual([]);
      await buyer.query("commit");
    } finally {
      buyer.release();
    }
    expect((await runAt(at)).map((l) => l.id)).toEqual([lot.id]);
  });
});
