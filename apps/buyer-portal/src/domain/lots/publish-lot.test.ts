import { lotSchema } from "@lotbridge/contract/lot";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { portal } from "@/server/portal";
import {
  buyerOrganization,
  draftLot,
  eventsAbout,
  notificationsOf,
  PUBLIC_URL,
  storedLot,
  webhooksAbout,
} from "@/test/lots";
import { lots } from "./lot-table";
import { publishLot } from "./publish-lot";

let mill: Awaited<ReturnType<typeof buyerOrganization>>;
let other: Awaited<ReturnType<typeof buyerOrganization>>;

beforeAll(async () => {
  mill = await buyerOrganization("Hamburg Mill");
  other = await buyerOrganization("Other Mill");
});

const publish = (lotId: string, actor = mill, now = new Date()) =>
  publishLot(portal().db, lotId, { actor, publicUrl: PUBLIC_URL, now });

describe("publishing a lot", () => {
  it("makes the draft visible: lot.published with the full snapshot goes to the feed and the outbox, and every user of the buyer organization is told", async () => {
    const draft = await draftLot(mill);
    const lot = await publish(draft.id);

    expect(lot).toMatchObject({ id: draft.id, status: "published", version: draft.version + 1 });
    expect(lotSchema.parse(lot)).toEqual(lot);
    expect(lot.publishedAt).not.toBeNull();
    expect(await eventsAbout(draft.id)).toEqual([["lot.published", 2]]);
    expect(await webhooksAbout(draft.id)).toEqual(["lot.published"]);
    for (const userId of [mill.userId, mill.memberUserId]) {
      const [notice] = (await notificationsOf(userId)).filter((n) => n.link === `/lots/${draft.id}`);
      expect(notice).toMatchObject({ type: "lot.published", title: "Your lot is now visible to producers" });
      expect(notice.body).toContain(draft.number);
      expect(notice.body).toContain("open for bids until");
    }
    // "Email off by default" for this type: nothing queued for the mailbox.
    const emails = await portal().db.select().from(outboxMessage).where(eq(outboxMessage.kind, "email"));
    expect(emails.filter((e) => e.eventType === "lot.published")).toEqual([]);
  });

  it("refuses a lot whose bidding deadline has passed, naming the field, and changes and sends nothing", async () => {
    const draft = await draftLot(mill);
    const afterDeadline = new Date(draft.biddingDeadline.getTime() + 1000);
    const refusal = await publish(draft.id, mill, afterDeadline).catch((error) => error);
    expect(refusal).toMatchObject({
      code: "deadline-passed",
      status: 422,
      errors: [{ field: "biddingDeadline", message: expect.any(String) }],
    });
    expect(refusal.message).toMatch(/has passed; move it into the future to publish/);
    expect(await storedLot(draft.id)).toMatchObject({ status: "draft", version: 1, publishedSeq: null });
    expect(await eventsAbout(draft.id)).toEqual([]);
    expect((await notificationsOf(mill.userId)).filter((n) => n.link === `/lots/${draft.id}`)).toEqual([]);
  });

  it("refuses to publish a lot twice, even when two requests race", async () => {
    const draft = await draftLot(mill);
    const results = await Promise.allSettled([publish(draft.id), publish(draft.id), publish(draft.id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const result of results.filter((r) => r.status === "rejected")) {
      expect((result as PromiseRejectedResult).reason).toMatchObject({ code: "lot-not-draft", status: 409 });
    }
    expect(await eventsAbout(draft.id)).toEqual([["lot.published", 2]]);
  });

  it("does not let another buyer organization publish the lot: it does not exist for them", async () => {
    const draft = await draftLot(mill);
    await expect(publish(draft.id, other)).rejects.toMatchObject({ code: "not-found", status: 404 });
    expect(await storedLot(draft.id)).toMatchObject({ status: "draft", version: 1 });
    expect(await eventsAbout(draft.id)).toEqual([]);
  });

  it("gives every publication a later listing position than the ones committed before it", async () => {
    const drafts = await Promise.all([1, 2, 3, 4, 5].map(() => draftLot(mill)));
    for (const draft of drafts) await publish(draft.id);
    const seqs = await Promise.all(drafts.map(async (d) => (await storedLot(d.id)).publishedSeq));
    expect(seqs).toEqual([...seqs].sort((a, b) => (a ?? 0) - (b ?? 0)));
    expect(new Set(seqs).size).toBe(5);
    const published = await portal()
      .db.select()
      .from(lots)
      .where(and(eq(lots.organizationId, mill.organizationId), eq(lots.status, "published")));
    expect(published.every((row) => row.publishedSeq !== null && row.publishedAt !== null)).toBe(true);
  });
});
