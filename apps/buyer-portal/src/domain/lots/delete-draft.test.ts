import { beforeAll, describe, expect, it } from "vitest";
import { portal } from "@/server/portal";
import { buyerOrganization, draftLot, eventsAbout, PUBLIC_URL, storedLot } from "@/test/lots";
import { deleteDraft } from "./delete-draft";
import { publishLot } from "./publish-lot";

let mill: Awaited<ReturnType<typeof buyerOrganization>>;
let other: Awaited<ReturnType<typeof buyerOrganization>>;

beforeAll(async () => {
  mill = await buyerOrganization("Hamburg Mill");
  other = await buyerOrganization("Other Mill");
});

describe("deleting a draft", () => {
  it("removes the draft and sends nothing", async () => {
    const draft = await draftLot(mill);
    await deleteDraft(portal().db, draft.id, mill);
    expect(await storedLot(draft.id)).toBeUndefined();
    expect(await eventsAbout(draft.id)).toEqual([]);
  });

  it("refuses a published lot, telling the buyer to cancel it instead", async () => {
    const draft = await draftLot(mill);
    await publishLot(portal().db, draft.id, { actor: mill, publicUrl: PUBLIC_URL });
    const refusal = await deleteDraft(portal().db, draft.id, mill).catch((error) => error);
    expect(refusal).toMatchObject({ code: "only-drafts-deletable", status: 409 });
    expect(refusal.message).toContain("Cancel it instead");
    expect(await storedLot(draft.id)).toMatchObject({ status: "published" });
  });

  it("does not let another buyer organization delete the draft", async () => {
    const draft = await draftLot(mill);
    await expect(deleteDraft(portal().db, draft.id, other)).rejects.toMatchObject({ status: 404 });
    expect(await storedLot(draft.id)).toMatchObject({ status: "draft" });
  });
});
