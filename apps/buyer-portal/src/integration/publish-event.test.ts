import { bidSubmissionSchema } from "@lotbridge/contract/bid-submission";
import { outboxMessage, webhookEndpoint } from "@lotbridge/webhooks/tables";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { decideBid } from "@/domain/bids/decide-bid";
import { submitBid } from "@/domain/bids/submit-bid";
import { closeLot } from "@/domain/lots/close-lot";
import { portal } from "@/server/portal";
import { bidInput, publishedLot } from "@/test/bids";
import { buyerOrganization, PUBLIC_URL } from "@/test/lots";
import { producerPlatform } from "@/test/platforms";
import { sendPing } from "./answer-ping";
import { integrationEvents } from "./integration-tables";
import { issueApiKey } from "./issue-api-key";
import { addEndpoint, changeEndpoint } from "./manage-platform-endpoints";
import { FIRST_PLATFORM_ID } from "./producer-endpoint";

const submission = (input: unknown) => bidSubmissionSchema.parse(input);

let mill: Awaited<ReturnType<typeof buyerOrganization>>;
let coop: Awaited<ReturnType<typeof producerPlatform>>;
let lotsOnly: string; // coop's second endpoint, filtered to lot.published
let switchedOff: string; // coop's third endpoint, disabled

beforeAll(async () => {
  const { db } = portal();
  mill = await buyerOrganization("Hamburg Mill");
  coop = await producerPlatform("coop-dashboard");
  lotsOnly = (await addEndpoint(db, coop.id, { url: "http://127.0.0.1:9/lots", eventTypes: ["lot.published"] })).id;
  switchedOff = (await addEndpoint(db, coop.id, { url: "http://127.0.0.1:9/off", eventTypes: null })).id;
  await changeEndpoint(db, coop.id, switchedOff, { enabled: false }, "Ada");
});

/** Where the webhooks of one event went, by endpoint id. */
async function destinationsOf(eventId: string): Promise<string[]> {
  const rows = await portal().db.select().from(outboxMessage).where(eq(outboxMessage.eventId, eventId));
  return rows.map((row) => row.destination).sort();
}

async function stored(eventId: string) {
  const [row] = await portal().db.select().from(integrationEvents).where(eq(integrationEvents.id, eventId));
  return row;
}

async function latest(type: string) {
  const rows = await portal().db.select().from(integrationEvents).where(eq(integrationEvents.type, type));
  return rows.sort((a, b) => b.seq - a.seq)[0];
}

describe("routing events to subscribers", () => {
  it("sends a lot event to every enabled endpoint whose filter admits it, as one message each, for every platform", async () => {
    const lot = await publishedLot(mill);
    const event = await latest("lot.published");
    expect((event.envelope as { data: { id: string } }).data.id).toBe(lot.id);
    expect(event.platform).toBeNull();
    expect(await destinationsOf(event.id)).toEqual([coop.endpoint.id, lotsOnly, FIRST_PLATFORM_ID].sort());
    const messages = await portal().db.select().from(outboxMessage).where(eq(outboxMessage.eventId, event.id));
    for (const message of messages) expect(message.payload).toEqual(event.envelope);
  });

  it("sends a filtered-out type nowhere on that endpoint, and nothing to a disabled endpoint", async () => {
    const lot = await publishedLot(mill);
    await closeLot(portal().db, lot.id, { actor: mill, publicUrl: PUBLIC_URL });
    const event = await latest("lot.closed");
    expect(await destinationsOf(event.id)).toEqual([coop.endpoint.id, FIRST_PLATFORM_ID].sort());
  });

  it("sends a bid's and its contract's events only to the platform that placed the bid, and marks them its own", async () => {
    const { db } = portal();
    const lot = await publishedLot(mill);
    const bid = await submitBid(
      db,
      { apiKeyId: coop.apiKeyId, platform: coop.id },
      submission(bidInput(lot.id, "porg_coop")),
      {
        publicUrl: PUBLIC_URL,
      },
    );
    const received = await latest("bid.received");
    expect((received.envelope as { data: { id: string } }).data.id).toBe(bid.id);
    expect(received.platform).toBe(coop.id);
    expect(await destinationsOf(received.id)).toEqual([coop.endpoint.id]);

    await decideBid(db, mill.organizationId, bid.id, { action: "accept" }, { publicUrl: PUBLIC_URL });
    const accepted = await latest("bid.accepted");
    const contract = await latest("contract.created");
    expect([accepted.platform, contract.platform]).toEqual([coop.id, coop.id]);
    expect(await destinationsOf(accepted.id)).toEqual([coop.endpoint.id]);
    expect(await destinationsOf(contract.id)).toEqual([coop.endpoint.id]);
  });

  it("sends the first platform's bids only to the producer portal", async () => {
    const { db } = portal();
    const lot = await publishedLot(mill);
    const key = await issueApiKey(db, { name: "pp", platform: FIRST_PLATFORM_ID, scopes: ["bids:write"] });
    await submitBid(db, { apiKeyId: key.id, platform: FIRST_PLATFORM_ID }, submission(bidInput(lot.id, "porg_farm")), {
      publicUrl: PUBLIC_URL,
    });
    const received = await latest("bid.received");
    expect(received.platform).toBe(FIRST_PLATFORM_ID);
    expect(await destinationsOf(received.id)).toEqual([FIRST_PLATFORM_ID]);
  });

  it("pings only the endpoint pinged, even a filtered one, and only its platform sees the ping", async () => {
    const ping = await sendPing(portal().db, "Ada", lotsOnly);
    expect(await destinationsOf(ping.id)).toEqual([lotsOnly]);
    expect((await stored(ping.id)).platform).toBe(coop.id);
    await expect(sendPing(portal().db, "Ada", "whe_unknown")).rejects.toMatchObject({ status: 404 });
  });

  it("an endpoint enabled again receives what is published from then on", async () => {
    const { db } = portal();
    await changeEndpoint(db, coop.id, switchedOff, { enabled: true }, "Ada");
    await publishedLot(mill);
    expect(await destinationsOf((await latest("lot.published")).id)).toContain(switchedOff);
    await changeEndpoint(db, coop.id, switchedOff, { enabled: false }, "Ada");
    const [row] = await db.select().from(webhookEndpoint).where(eq(webhookEndpoint.id, switchedOff));
    expect(row.disabledReason).toContain("Ada");
  });
});
