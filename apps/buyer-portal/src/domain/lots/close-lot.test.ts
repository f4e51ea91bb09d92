import { outboxMessage } from "@lotbridge/webhooks/tables";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { portal } from "@/server/portal";
import { buyerOrganization, draftLot, eventsAbout, notificationsOf, PUBLIC_URL, storedLot } from "@/test/lots";
import { closeLot } from "./close-lot";
import { publishLot } from "./publish-lot";

let mill: Awaited<ReturnType<typeof buyerOrganization>>;
let other: Awaited<ReturnType<typeof buyerOrganization>>;

beforeAll(async () => {
  mill = await buyerOrganization("Hamburg Mill");
  other = await buyerOrganization("Other Mill");
});

const close = (lotId: string, actor = mill) => closeLot(portal().db, lotId, { actor, publicUrl: PUBLIC_URL });

describe("closing bidding by hand", () => {
  it("closes a published lot, sends lot.closed and tells the buyer's users in the app and by email", async () => {
    const draft = await draftLot(mill);
    await publishLot(portal().db, draft.id, { actor: mill, publicUrl: PUBLIC_URL });
    const lot = await close(draft.id);
    expect(lot).toMatchObject({ status: "closed", version: 3 });
    expect(await eventsAbout(draft.id)).toEqual([
      ["lot.published", 2],
      ["lot.closed", 3],
    ]);
    const [notice] = (await notificationsOf(mill.memberUserId)).filter((n) => n.type === "lot.closed");
    expect(notice).toMatchObject({
      title: `Bidding closed on ${draft.number} ${draft.title}`,
      link: `/lots/${draft.id}`,
    });
    const emails = await portal().db.select().from(outboxMessage).where(eq(outboxMessage.kind, "email"));
    expect(emails.filter((e) => e.eventType === "lot.closed")).toHaveLength(2);
  });

  it("refuses a draft and a lot already closed, sending nothing", async () => {
    const draft = await draftLot(mill);
    await expect(close(draft.id)).rejects.toMatchObject({ code: "lot-not-open", status: 409 });
    expect(await storedLot(draft.id)).toMatchObject({ status: "draft", version: 1 });
    await publishLot(portal().db, draft.id, { actor: mill, publicUrl: PUBLIC_URL });
    await close(draft.id);
    await expect(close(draft.id)).rejects.toMatchObject({ code: "lot-not-open" });
    expect((await eventsAbout(draft.id)).map(([type]) => type)).toEqual(["lot.published", "lot.closed"]);
  });

  it("does not let another buyer organization close the lot", async () => {
    const draft = await draftLot(mill);
    await publishLot(portal().db, draft.id, { actor: mill, publicUrl: PUBLIC_URL });
    await expect(close(draft.id, other)).rejects.toMatchObject({ status: 404 });
    expect(await storedLot(draft.id)).toMatchObject({ status: "published", version: 2 });
  });
});
