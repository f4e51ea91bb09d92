import type { EventEnvelope } from "@lotbridge/contract/event-envelope";
import { isNewerVersion } from "@lotbridge/webhooks/is-newer-version";
import { eq, sql } from "drizzle-orm";
import type { ProducerTx } from "../../db/database";
import { alertSavedSearches } from "../saved-searches/alert-saved-searches";
import { marketLots } from "./market-lot-table";

export type LotSnapshotEvent = EventEnvelope<
  "lot.published" | "lot.updated" | "lot.closed" | "lot.awarded" | "lot.cancelled"
>;

/**
 * Replaces the replica's copy of a lot with the event's snapshot, if that snapshot is newer than the one held. Events
 * may arrive out of order (a retried webhook overtaken by a later one, the feed replaying what a webhook brought);
 * the version decides, not the arrival. A cancelled lot keeps its row, with its status, so it leaves the marketplace
 * but a producer can still read what happened to it.
 */
export async function applyLotSnapshot(
  tx: ProducerTx,
  event: LotSnapshotEvent,
  context?: { publicUrl: string },
  now = new Date(),
): Promise<boolean> {
  const lot = event.data;
  const [held] = await tx
    .select({ version: marketLots.version, status: marketLots.status, biddingDeadline: marketLots.biddingDeadline })
    .from(marketLots)
    .where(eq(marketLots.id, lot.id))
    .for("update");
  if (!isNewerVersion(held?.version, lot.version)) return false;
  const values = {
    id: lot.id,
    number: lot.number,
    status: lot.status,
    version: lot.version,
    snapshot: lot,
    commodity: lot.commodity,
    deliveryLocation: lot.deliveryLocation,
    volume: lot.volume,
    allocatedVolume: lot.allocatedVolume,
    deliveryStart: lot.deliveryStart,
    deliveryEnd: lot.deliveryEnd,
    biddingDeadline: new Date(lot.biddingDeadline),
    publishedAt: lot.publishedAt ? new Date(lot.publishedAt) : null,
    searchText: [
      lot.number,
      lot.title,
      lot.commodity,
      lot.description,
      lot.qualitySpecs,
      lot.deliveryLocation,
      lot.buyerOrganization.name,
    ].join(" "),
    receivedAt: new Date(),
  };
  // The guard repeats the version check for a row that two transactions create at once.
  const written = await tx
    .insert(marketLots)
    .values(values)
    .onConflictDoUpdate({ target: marketLots.id, set: values, setWhere: sql`${marketLots.version} < excluded.version` })
    .returning({ id: marketLots.id });
  if (written.length === 0) return false;
  // Saved-search alerts, when this snapshot opens the lot for bids: newly published, or open again after it was not
  // (closed, or its deadline passed). Without a publicUrl (tests seeding the replica) nobody is told.
  const wasOpen = held?.status === "published" && held.biddingDeadline !== null && held.biddingDeadline > now;
  if (context && !wasOpen && lot.status === "published" && values.biddingDeadline > now) {
    await alertSavedSearches(tx, context.publicUrl, lot);
  }
  return true;
}
