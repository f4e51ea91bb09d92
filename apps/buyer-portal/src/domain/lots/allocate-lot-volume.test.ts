import { beforeAll, describe, expect, it } from "vitest";
import { portal } from "@/server/portal";
import { buyerOrganization, draftLot, eventsAbout, notificationsOf, PUBLIC_URL, storedLot } from "@/test/lots";
import { allocateLotVolume } from "./allocate-lot-volume";
import { publishLot } from "./publish-lot";

let mill: Awaited<ReturnType<typeof buyerOrganization>>;

beforeAll(async () => {
  mill = await buyerOrganization("Hamburg Mill");
});

async function publishedLot(volume: string) {
  const draft = await draftLot(mill, { volume, minBidVolume: "1" });
  await publishLot(portal().db, draft.id, { actor: mill, publicUrl: PUBLIC_URL });
  return draft;
}

const allocate = (lotId: string, volume: string) =>
  portal().db.transaction((tx) =>
    allocateLotVolume(tx, { organizationId: mill.organizationId, lotId }, volume, { publicUrl: PUBLIC_URL }),
  );

describe("allocating a lot's volume to accepted bids", () => {
  it("sends the smaller remaining volume as lot.updated, and awards the lot when nothing remains", async () => {
    const lot = await publishedLot("500");
    expect(await allocate(lot.id, "120.5")).toMatchObject({ status: "published", allocatedVolume: "120.500" });
    const awarded = await allocate(lot.id, "379.500");
    expect(awarded).toMatchObject({ status: "awarded", allocatedVolume: "500.000", version: 4 });
    expect(await eventsAbout(lot.id)).toEqual([
      ["lot.published", 2],
      ["lot.updated", 3],
      ["lot.awarded", 4],
    ]);
    const [notice] = (await notificationsOf(mill.userId)).filter((n) => n.type === "lot.awarded");
    expect(notice.title).toBe(`${lot.number} ${lot.title} is fully allocated`);
  });

  it("never allocates more than the volume, whatever runs at the same time", async () => {
    const lot = await publishedLot("500");
    const attempts = await Promise.allSettled(Array.from({ length: 8 }, () => allocate(lot.id, "100")));
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(5);
    for (const refused of attempts.filter((a) => a.status === "rejected")) {
      // Refused for lack of volume, or because the lot was awarded by then.
      expect((refused as PromiseRejectedResult).reason).toMatchObject({
        code: expect.stringMatching(/^(volume-exceeded|lot-not-open)$/),
        status: 409,
      });
    }
    expect(await storedLot(lot.id)).toMatchObject({ status: "awarded", allocatedVolume: "500.000" });
  });

  it("refuses more than remains, saying how much does, and a draft", async () => {
    const lot = await publishedLot("100");
    await expect(allocate(lot.id, "100.001")).rejects.toThrow("Only 100 t");
    const draft = await draftLot(mill);
    await expect(allocate(draft.id, "1")).rejects.toMatchObject({ code: "lot-not-open" });
    expect(await storedLot(lot.id)).toMatchObject({ allocatedVolume: "0.000", version: 2 });
  });
});
