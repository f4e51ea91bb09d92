import { bidSubmissionSchema } from "@lotbridge/contract/bid-submission";
import { call } from "@lotbridge/http/testing/test-client";
import { beforeAll, expect, it } from "vitest";
import { submitBid } from "@/domain/bids/submit-bid";
import { sendPing } from "@/integration/answer-ping";
import { issueApiKey } from "@/integration/issue-api-key";
import { portal } from "@/server/portal";
import { bidInput, publishedLot } from "@/test/bids";
import { buyerOrganization, PUBLIC_URL } from "@/test/lots";
import { producerPlatform } from "@/test/platforms";
import { GET as feed } from "./route";

const bid = (input: unknown) => bidSubmissionSchema.parse(input);

type Envelope = { id: string; type: string; data: { id?: string; bidId?: string } };

let producerPortal: { id: string; key: string };
let coop: Awaited<ReturnType<typeof producerPlatform>>;

beforeAll(async () => {
  const { db } = portal();
  const key = await issueApiKey(db, {
    name: "pp",
    platform: "producer-portal",
    scopes: ["lots:read", "bids:write"],
  });
  producerPortal = { id: key.id, key: key.key };
  coop = await producerPlatform("coop-dashboard");
});

async function everything(apiKey: string): Promise<Envelope[]> {
  const seen: Envelope[] = [];
  let after = "";
  for (;;) {
    const response = await call(feed, `http://localhost:3000/api/events?limit=2${after}`, {
      headers: { "x-api-key": apiKey },
    });
    expect(response.status).toBe(200);
    const page = await response.json();
    seen.push(...page.data);
    if (page.data.length === 0) return seen;
    after = `&after=${page.nextCursor}`;
  }
}

it("each platform's feed holds every lot event and only its own bids and pings, never another platform's", async () => {
  const { db } = portal();
  const mill = await buyerOrganization("Hamburg Mill");
  const lot = await publishedLot(mill);
  const ours = await submitBid(
    db,
    { apiKeyId: producerPortal.id, platform: "producer-portal" },
    bid(bidInput(lot.id)),
    {
      publicUrl: PUBLIC_URL,
    },
  );
  // The same producer organization and external id, through the other platform: still the other platform's.
  const theirs = await submitBid(
    db,
    { apiKeyId: coop.apiKeyId, platform: coop.id },
    bid({ ...bidInput(lot.id), externalBidId: ours.externalBidId }),
    { publicUrl: PUBLIC_URL },
  );
  const coopPing = await sendPing(db, "Ada", coop.endpoint.id);

  const producerFeed = await everything(producerPortal.key);
  const coopFeed = await everything(coop.key);
  const bidsIn = (events: Envelope[]) => events.filter((e) => e.type.startsWith("bid.")).map((e) => e.data.id);
  expect(bidsIn(producerFeed)).toEqual([ours.id]);
  expect(bidsIn(coopFeed)).toEqual([theirs.id]);
  for (const events of [producerFeed, coopFeed]) {
    expect(events.filter((e) => e.type === "lot.published").map((e) => e.data.id)).toEqual([lot.id]);
  }
  expect(producerFeed.map((e) => e.id)).not.toContain(coopPing.id);
  expect(coopFeed.map((e) => e.id)).toContain(coopPing.id);
  expect(JSON.stringify(producerFeed)).not.toContain(theirs.id);
  expect(JSON.stringify(coopFeed)).not.toContain(ours.id);
});
