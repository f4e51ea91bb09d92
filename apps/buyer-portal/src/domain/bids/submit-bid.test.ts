import { bidSubmissionSchema } from "@lotbridge/contract/bid-submission";
import { DomainError } from "@lotbridge/contract/problem";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { closeLot } from "@/domain/lots/close-lot";
import { integrationEvents } from "@/integration/integration-tables";
import { issueApiKey } from "@/integration/issue-api-key";
import { portal } from "@/server/portal";
import { bidInput, publishedLot } from "@/test/bids";
import { buyerOrganization, PUBLIC_URL } from "@/test/lots";
import { bids, offers } from "./bid-table";
import { submitBid } from "./submit-bid";

let caller: { apiKeyId: string; platform: string };
let mill: Awaited<ReturnType<typeof buyerOrganization>>;

beforeAll(async () => {
  const issued = await issueApiKey(portal().db, { name: "bids", platform: "producer-portal", scopes: ["bids:write"] });
  caller = { apiKeyId: issued.id, platform: "producer-portal" };
  mill = await buyerOrganization("Race Mill");
});

const bid = (lotId: string, organizationId: string) =>
  submitBid(portal().db, caller, bidSubmissionSchema.parse(bidInput(lotId, organizationId)), { publicUrl: PUBLIC_URL });
const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => "stored",
    (error) => (error instanceof DomainError ? error.code : `unexpected: ${error}`),
  );

describe("submitBid under concurrency", () => {
  it("stores 20 simultaneous bids of 20 producer orgs, each with its round-1 offer and one bid.received", async () => {
    const lot = await publishedLot(mill);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => outcome(bid(lot.id, `porg_${i}`))));
    expect(results).toEqual(Array(20).fill("stored"));
    const stored = await portal().db.select().from(bids).where(eq(bids.lotId, lot.id));
    expect(new Set(stored.map((b) => b.bidderOrganizationId)).size).toBe(20);
    for (const row of stored) expect(await portal().db.$count(offers, eq(offers.bidId, row.id))).toBe(1);
    const events = await portal().db.select().from(integrationEvents).where(eq(integrationEvents.type, "bid.received"));
    const ids = stored.map((row) => row.id);
    expect(events.filter((e) => ids.includes((e.envelope as { data: { id: string } }).data.id))).toHaveLength(20);
  });

  it("lets one of 10 simultaneous bids of the same producer org through; the others hear live-bid-exists", async () => {
    const lot = await publishedLot(mill);
    const results = await Promise.all(Array.from({ length: 10 }, () => outcome(bid(lot.id, "porg_hasty"))));
    expect(results.filter((r) => r === "stored")).toHaveLength(1);
    expect(results.filter((r) => r === "live-bid-exists")).toHaveLength(9);
    expect(await portal().db.$count(bids, eq(bids.lotId, lot.id))).toBe(1);
  });

  it("never stores a bid that commits after the buyer closed the lot", async () => {
    const lot = await publishedLot(mill);
    const racing = Array.from({ length: 20 }, (_, i) => outcome(bid(lot.id, `porg_racer_${i}`)));
    const closing = closeLot(portal().db, lot.id, { actor: mill, publicUrl: PUBLIC_URL });
    const results = await Promise.all(racing);
    await closing;
    expect(results.every((r) => r === "stored" || r === "lot-not-open")).toBe(true);
    const stored = await portal().db.select().from(bids).where(eq(bids.lotId, lot.id));
    expect(stored).toHaveLength(results.filter((r) => r === "stored").length);
    expect(await outcome(bid(lot.id, "porg_late"))).toBe("lot-not-open");
  });
});
