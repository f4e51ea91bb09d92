import type { EventType } from "@lotbridge/contract/event-catalog";
import { DomainError } from "@lotbridge/contract/problem";
import { webhookEndpoint } from "@lotbridge/webhooks/tables";
import { and, eq, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { BuyerTx } from "../db/database";
import { bids } from "../domain/bids/bid-table";
import { FIRST_PLATFORM_ID } from "./producer-endpoint";

/** Who may see an event: one platform, or every platform (null); and the endpoints it is sent to now. */
export interface Audience {
  platform: string | null;
  endpointIds: string[];
}

/**
 * The routing rule of the edge. `lot.*` is every platform's: it goes to every enabled endpoint whose filter admits the
 * type. `bid.*`, `contract.*` and `delivery.*` (whose data is a contract) belong to the platform that placed the bid:
 * only its endpoints get them, and only it sees them on the feed. A `ping` goes to the one endpoint pinged (the first
 * platform's unless named), whatever its filter, and only that endpoint's platform sees it on the feed.
 * A disabled endpoint gets nothing while disabled; the feed (GET /api/events) is how its platform catches up.
 */
export async function eventAudience(
  tx: BuyerTx,
  type: EventType,
  data: unknown,
  pingedEndpointId?: string,
): Promise<Audience> {
  if (type === "ping") return pingAudience(tx, pingedEndpointId);
  const admits = and(
    eq(webhookEndpoint.enabled, true),
    or(isNull(webhookEndpoint.eventTypes), sql`${type} = any(${webhookEndpoint.eventTypes})`),
  );
  if (type.startsWith("lot.")) {
    const endpoints = await tx
      .select({ id: webhookEndpoint.id })
      .from(webhookEndpoint)
      .where(and(isNotNull(webhookEndpoint.subscriber), admits))
      .orderBy(webhookEndpoint.createdAt, webhookEndpoint.id);
    return { platform: null, endpointIds: endpoints.map((e) => e.id) };
  }
  // The platform whose bid it is (a contract's bid for `contract.*` and `delivery.*`) and its endpoints, in one round
  // trip: this runs inside every bid's transaction.
  const aboutContract = type.startsWith("contract.") || type.startsWith("delivery.");
  const bidId = aboutContract ? (data as { bidId: string }).bidId : (data as { id: string }).id;
  const rows = await tx
    .select({ platform: bids.producerPlatform, endpointId: webhookEndpoint.id })
    .from(bids)
    .leftJoin(webhookEndpoint, and(eq(webhookEndpoint.subscriber, bids.producerPlatform), admits))
    .where(eq(bids.id, bidId))
    .orderBy(webhookEndpoint.createdAt, webhookEndpoint.id);
  // Every bid has a platform; an event about a bid that does not exist is a bug, not something to send anyone.
  const [first] = rows;
  if (!first) throw new Error(`${type} names bid ${bidId}, which does not exist`);
  return { platform: first.platform, endpointIds: rows.flatMap((row) => (row.endpointId ? [row.endpointId] : [])) };
}

async function pingAudience(tx: BuyerTx, endpointId = FIRST_PLATFORM_ID): Promise<Audience> {
  const [endpoint] = await tx
    .select({ id: webhookEndpoint.id, subscriber: webhookEndpoint.subscriber })
    .from(webhookEndpoint)
    .where(eq(webhookEndpoint.id, endpointId));
  if (!endpoint) throw new DomainError("not-found", 404, `No webhook endpoint ${endpointId} is configured.`);
  return { platform: endpoint.subscriber, endpointIds: [endpoint.id] };
}
