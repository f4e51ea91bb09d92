import { bidSubmissionSchema } from "@lotbridge/contract/bid-submission";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { issueApiKey } from "@/integration/issue-api-key";
import { portal } from "@/server/portal";
import { bidInput, publishedLot } from "@/test/bids";
import { buyerOrganization, eventsAbout, notificationsOf, PUBLIC_URL, webhooksAbout } from "@/test/lots";
import { bids, offers } from "./bid-table";
import { expireBids } from "./expire-bids";
import { submitBid } from "./submit-bid";
import { withdrawBid } from "./withdraw-bid";

const DAY = 86_400_000;
const HOUR = 3_600_000;

let caller: { apiKeyId: string; platform: string };
let mill: Awaited<ReturnType<typeof buyerOrganization>>;

beforeAll(async () => {
  const issued = await issueApiKey(portal().db, { name: "bids", platform: "producer-portal", scopes: ["bids:write"] });
  caller = { apiKeyId: issued.id, platform: "producer-portal" };
  mill = await buyerOrganization("Expiry Mill");
});

/** A bid of `organizationId` placed two days ago, valid until `validUntil` (by default an hour ago). */
function placedBid(lotId: string, organizationId: string, validUntil = new Date(Date.now() - HOUR)) {
  return submitBid(
    portal().db,
    caller,
    bidSubmissionSchema.parse(bidInput(lotId, organizationId, { validUntil: validUntil.toISOString() })),
    { publicUrl: PUBLIC_URL, now: new Date(Date.now() - 2 * DAY) },
  );
}

const storedBid = async (id: string) => (await portal().db.select().from(bids).where(eq(bids.id, id)))[0];
const expire = () => expireBids(portal().db, new Date(), { publicUrl: PUBLIC_URL });

describe("expireBids", () => {
  it("expires an overdue submitted bid: its offer, a new version, one bid.expired, an in-app notification", async () => {
    const lot = await publishedLot(mill);
    const bid = await placedBid(lot.id, "porg_late");

    const expired = await expire();

    const mine = expired.find((b) => b.id === bid.id);
    expect(mine).toMatchObject({ status: "expired", version: bid.version + 1 });
    expect(mine?.offers.map((offer) => offer.status)).toEqual(["expired"]);
    const row = await storedBid(bid.id);
    expect(row).toMatchObject({ status: "expired", version: bid.version + 1 });
    const [offer] = await portal().db.select().from(offers).where(eq(offers.bidId, bid.id));
    expect(offer.status).toBe("expired");
    expect(await eventsAbout(bid.id)).toEqual([
      ["bid.received", bid.version],
      ["bid.expired", bid.version + 1],
    ]);
    expect(await webhooksAbout(bid.id)).toEqual(["bid.received", "bid.expired"]);
    for (const userId of [mill.userId, mill.memberUserId]) {
      const notices = (await notificationsOf(userId)).filter((n) => n.type === "bid.expired");
      expect(notices).toHaveLength(1);
      expect(notices[0].link).toBe(`/lots/${lot.id}`);
      expect(notices[0].title).toContain("expired");
    }

    expect((await expire()).some((b) => b.id === bid.id)).toBe(false);
    expect(await eventsAbout(bid.id)).toHaveLength(2);
  });

  it("expires an overdue countered bid too", async () => {
    const lot = await publishedLot(mill);
    const bid = await placedBid(lot.id, "porg_countered");
    await portal().db.update(bids).set({ status: "countered" }).where(eq(bids.id, bid.id));

    expect((await expire()).map((b) => b.id)).toContain(bid.id);
    expect((await storedBid(bid.id)).status).toBe("expired");
  });

  it("leaves bids still valid, accepted and withdrawn ones alone", async () => {
    const lot = await publishedLot(mill);
    const valid = await placedBid(lot.id, "porg_valid", new Date(Date.now() + DAY));
    const accepted = await placedBid(lot.id, "porg_accepted");
    await portal().db.update(bids).set({ status: "accepted" }).where(eq(bids.id, accepted.id));
    const withdrawn = await placedBid(lot.id, "porg_withdrawn");
    await withdrawBid(portal().db, { ...caller, organizationId: "porg_withdrawn" }, withdrawn.id, {
      publicUrl: PUBLIC_URL,
    });

    const expired = (await expire()).map((b) => b.id);

    expect(expired).not.toContain(valid.id);
    expect(expired).not.toContain(accepted.id);
    expect(expired).not.toContain(withdrawn.id);
    expect(await storedBid(valid.id)).toMatchObject({ status: "submitted", version: valid.version });
    expect(await storedBid(accepted.id)).toMatchObject({ status: "accepted", version: accepted.version });
    expect(await storedBid(withdrawn.id)).toMatchObject({ status: "withdrawn", version: withdrawn.version + 1 });
    for (const id of [valid.id, accepted.id, withdrawn.id]) {
      expect((await eventsAbout(id)).map(([type]) => type)).not.toContain("bid.expired");
    }
  });

  it("expires each bid once when two runs race, with one bid.expired each", async () => {
    const lots = await Promise.all([publishedLot(mill), publishedLot(mill), publishedLot(mill)]);
    const placed = [];
    for (const lot of lots) {
      for (let i = 0; i < 4; i++) placed.push(await placedBid(lot.id, `porg_race_${i}`));
    }
    const ids = placed.map((bid) => bid.id);

    const [first, second] = await Promise.all([expire(), expire()]);

    const expired = [...first, ...second].map((b) => b.id).filter((id) => ids.includes(id));
    expect(expired.toSorted()).toEqual(ids.toSorted());
    for (const bid of placed) {
      expect((await eventsAbout(bid.id)).filter(([type]) => type === "bid.expired")).toEqual([
        ["bid.expired", bid.version + 1],
      ]);
      expect((await webhooksAbout(bid.id)).filter((type) => type === "bid.expired")).toHaveLength(1);
    }
  });

  it("frees the producer's live-bid slot: a new bid of that organization on the lot is accepted", async () => {
    const lot = await publishedLot(mill);
    const old = await placedBid(lot.id, "porg_again");
    await expect(
      submitBid(portal().db, caller, bidSubmissionSchema.parse(bidInput(lot.id, "porg_again")), {
        publicUrl: PUBLIC_URL,
      }),
    ).rejects.toMatchObject({ code: "live-bid-exists" });

    await expire();

    const fresh = await submitBid(portal().db, caller, bidSubmissionSchema.parse(bidInput(lot.id, "porg_again")), {
      publicUrl: PUBLIC_URL,
    });
    expect(fresh).toMatchObject({ status: "submitted", lotId: lot.id });
    expect(fresh.id).not.toBe(old.id);
    expect((await storedBid(old.id)).status).toBe("expired");
  });
});
