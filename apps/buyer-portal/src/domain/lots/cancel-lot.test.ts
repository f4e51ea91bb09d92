import { beforeAll, describe, expect, it } from "vitest";
import { portal } from "@/server/portal";
import { buyerOrganization, draftLot, eventsAbout, PUBLIC_URL, storedLot } from "@/test/lots";
import { allocateLotVolume } from "./allocate-lot-volume";
import { cancelLot } from "./cancel-lot";
import { closeLot } from "./close-lot";
import { publishLot } from "./publish-lot";

let mill: Awaited<ReturnType<typeof buyerOrganization>>;
let other: Awaited<ReturnType<typeof buyerOrganization>>;

beforeAll(async () => {
  mill = await buyerOrganization("Hamburg Mill");
  other = await buyerOrganization("Other Mill");
});

const options = (actor = mill) => ({ actor, publicUrl: PUBLIC_URL });
const cancel = (lotId: string, actor = mill) => cancelLot(portal().db, lotId, options(actor));
const publish = (lotId: string) => publishLot(portal().db, lotId, options());

describe("cancelling a lot", () => {
  it("cancels a draft privately: producers never saw it, so nothing is sent", async () => {
    const draft = await draftLot(mill);
    expect(await cancel(draft.id)).toMatchObject({ status: "cancelled", version: 2 });
    expect(await eventsAbout(draft.id)).toEqual([]);
  });

  it("sends lot.cancelled for a published and for a closed lot", async () => {
    const published = await draftLot(mill);
    await publish(published.id);
    await cancel(published.id);
    expect(await eventsAbout(published.id)).toEqual([
      ["lot.published", 2],
      ["lot.cancelled", 3],
    ]);
    const closed = await draftLot(mill);
    await publish(closed.id);
    await closeLot(portal().db, closed.id, options());
    await cancel(closed.id);
    expect((await eventsAbout(closed.id)).map(([type]) => type)).toEqual([
      "lot.published",
      "lot.closed",
      "lot.cancelled",
    ]);
  });

  it("refuses an awarded lot and a lot already cancelled", async () => {
    const draft = await draftLot(mill, { volume: "100", minBidVolume: "10" });
    await publish(draft.id);
    await portal().db.transaction((tx) =>
      allocateLotVolume(tx, { organizationId: mill.organizationId, lotId: draft.id }, "100", { publicUrl: PUBLIC_URL }),
    );
    await expect(cancel(draft.id)).rejects.toMatchObject({ code: "lot-not-cancellable", status: 409 });
    expect(await storedLot(draft.id)).toMatchObject({ status: "awarded" });

    const twice = await draftLot(mill);
    await cancel(twice.id);
    await expect(cancel(twice.id)).rejects.toMatchObject({ code: "lot-not-cancellable" });
  });

  it("does not let another buyer organization cancel the lot", async () => {
    const draft = await draftLot(mill);
    await publish(draft.id);
    await expect(cancel(draft.id, other)).rejects.toMatchObject({ status: 404 });
    expect(await storedLot(draft.id)).toMatchObject({ status: "published", version: 2 });
  });
});
