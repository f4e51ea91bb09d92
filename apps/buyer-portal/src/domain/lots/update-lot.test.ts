import { beforeAll, describe, expect, it } from "vitest";
import { portal } from "@/server/portal";
import { buyerOrganization, draftLot, eventsAbout, lotInput, PUBLIC_URL, storedLot } from "@/test/lots";
import { allocateLotVolume } from "./allocate-lot-volume";
import { closeLot } from "./close-lot";
import { publishLot } from "./publish-lot";
import { updateLot } from "./update-lot";

let mill: Awaited<ReturnType<typeof buyerOrganization>>;
let other: Awaited<ReturnType<typeof buyerOrganization>>;

beforeAll(async () => {
  mill = await buyerOrganization("Hamburg Mill");
  other = await buyerOrganization("Other Mill");
});

const edit = (lotId: string, input = lotInput(), options: { expectedVersion?: number; actor?: typeof mill } = {}) =>
  updateLot(portal().db, lotId, input, {
    actor: options.actor ?? mill,
    publicUrl: PUBLIC_URL,
    expectedVersion: options.expectedVersion,
  });
const publish = (lotId: string) => publishLot(portal().db, lotId, { actor: mill, publicUrl: PUBLIC_URL });

describe("editing a lot", () => {
  it("changes a draft privately: a new version, no event", async () => {
    const draft = await draftLot(mill);
    const lot = await edit(draft.id, lotInput({ title: "Milling wheat, revised", volume: "650" }));
    expect(lot).toMatchObject({ title: "Milling wheat, revised", volume: "650.000", version: 2, status: "draft" });
    expect(await eventsAbout(draft.id)).toEqual([]);
  });

  it("tells producers about every change to a published lot with lot.updated carrying the new snapshot", async () => {
    const draft = await draftLot(mill);
    await publish(draft.id);
    const later = new Date(Date.now() + 14 * 86_400_000).toISOString();
    const lot = await edit(draft.id, lotInput({ biddingDeadline: later, targetPrice: "240.00" }));
    expect(lot).toMatchObject({ status: "published", version: 3, targetPrice: "240.0000", biddingDeadline: later });
    expect(await eventsAbout(draft.id)).toEqual([
      ["lot.published", 2],
      ["lot.updated", 3],
    ]);
  });

  it("refuses a deadline in the past, naming the field, and keeps the lot as it was", async () => {
    const draft = await draftLot(mill);
    await expect(edit(draft.id, lotInput({ biddingDeadline: "2020-01-01T00:00:00Z" }))).rejects.toMatchObject({
      status: 422,
      errors: [{ field: "biddingDeadline", message: "must be in the future" }],
    });
    expect(await storedLot(draft.id)).toMatchObject({ version: 1, title: draft.title });
  });

  it("refuses to overwrite a change someone made since the editor opened the lot", async () => {
    const draft = await draftLot(mill);
    await edit(draft.id, lotInput({ title: "Colleague's change" }), { expectedVersion: 1 });
    await expect(edit(draft.id, lotInput({ title: "Mine" }), { expectedVersion: 1 })).rejects.toMatchObject({
      code: "lot-changed",
      status: 409,
    });
    expect(await storedLot(draft.id)).toMatchObject({ title: "Colleague's change", version: 2 });
  });

  it("refuses to edit a closed lot, and a volume below what is already allocated", async () => {
    const closed = await draftLot(mill);
    await publish(closed.id);
    await closeLot(portal().db, closed.id, { actor: mill, publicUrl: PUBLIC_URL });
    await expect(edit(closed.id)).rejects.toMatchObject({ code: "lot-not-editable", status: 409 });

    const open = await draftLot(mill);
    await publish(open.id);
    await portal().db.transaction((tx) =>
      allocateLotVolume(tx, { organizationId: mill.organizationId, lotId: open.id }, "200", { publicUrl: PUBLIC_URL }),
    );
    await expect(edit(open.id, lotInput({ volume: "150", minBidVolume: "50" }))).rejects.toMatchObject({
      code: "volume-below-allocated",
      errors: [{ field: "volume", message: expect.stringContaining("at least the 200 t already allocated") }],
    });
    expect(await storedLot(open.id)).toMatchObject({ volume: "500.000", allocatedVolume: "200.000" });
  });

  it("does not let another buyer organization change the lot", async () => {
    const draft = await draftLot(mill);
    await expect(edit(draft.id, lotInput({ title: "Hijacked" }), { actor: other })).rejects.toMatchObject({
      status: 404,
    });
    expect(await storedLot(draft.id)).toMatchObject({ title: draft.title, version: 1 });
  });
});
