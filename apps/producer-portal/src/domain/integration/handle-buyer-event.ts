import { type EventType, eventCatalog } from "@lotbridge/contract/event-catalog";
import { type EventEnvelope, parseEvent } from "@lotbridge/contract/event-envelope";
import type { Database } from "@lotbridge/webhooks/database";
import { eq } from "drizzle-orm";
import { applyBidSnapshot, type BidSnapshotEvent } from "../bids/apply-bid-snapshot";
import { applyContractSnapshot } from "../contracts/apply-contract-snapshot";
import { applyLotSnapshot, type LotSnapshotEvent } from "../marketplace/apply-lot-snapshot";
import { marketLots } from "../marketplace/market-lot-table";
import { removeDeletedLot } from "../marketplace/remove-deleted-lot";
import { tellBiddersAboutLot } from "../marketplace/tell-bidders-about-lot";
import { answerPing } from "./answer-ping";

/** What handlers may need beyond the event: where this portal lives, for links in notifications. */
export interface EventContext {
  publicUrl: string;
}

type Handler<K extends EventType> = (tx: Database, event: EventEnvelope<K>, context: EventContext) => Promise<void>;

/** What a buyer event changes here. A type without a handler is acknowledged and changes nothing. */
const handlers: { [K in EventType]?: Handler<K> } = {
  ping: answerPing,
  "lot.published": keepLot,
  "lot.updated": keepLot,
  "lot.closed": keepLot,
  "lot.awarded": keepLot,
  "lot.cancelled": keepLot,
  "bid.received": keepBid,
  "bid.accepted": keepBid,
  "bid.rejected": keepBid,
  "bid.withdrawn": keepBid,
  "bid.expired": keepBid,
  "bid.counter_offer": keepBid,
  "bid.counter_accepted": keepBid,
  "bid.counter_rejected": keepBid,
  "contract.created": keepContract,
  "contract.updated": keepContract,
  "lot.deleted": async (tx, event) => {
    await removeDeletedLot(tx, event);
  },
};

/**
 * Every lot event carries the lot's whole snapshot: the marketplace's replica keeps the newest one, and producers
 * bidding on the lot hear what changed.
 */
async function keepLot(tx: Database, event: LotSnapshotEvent, context: EventContext): Promise<void> {
  const [held] = await tx
    .select({ snapshot: marketLots.snapshot })
    .from(marketLots)
    .where(eq(marketLots.id, event.data.id))
    .for("update");
  if (await applyLotSnapshot(tx, event)) {
    await tellBiddersAboutLot(tx, context.publicUrl, held?.snapshot ?? null, event);
  }
}

/** Bid events confirm or move on the producer's own bids; links in their notifications use this portal's URL. */
async function keepBid(tx: Database, event: BidSnapshotEvent, context: EventContext): Promise<void> {
  await applyBidSnapshot(tx, context.publicUrl, event);
}

/** Contract events carry the whole contract; the organization's replica keeps the newest. */
async function keepContract(
  tx: Database,
  event: EventEnvelope<"contract.created" | "contract.updated">,
  context: EventContext,
): Promise<void> {
  await applyContractSnapshot(tx, context.publicUrl, event.data);
}

export type EventOutcome = "applied" | "ignored";

/**
 * Applies one buyer event, webhook body or feed entry alike, inside the caller's transaction. Types this portal
 * does not act on — including types newer than this code — are ignored, so the buyer portal can add events without
 * breaking us. An event we act on but cannot read is an error: the transaction rolls back and the event is retried.
 */
export async function handleBuyerEvent(tx: Database, body: unknown, context: EventContext): Promise<EventOutcome> {
  const type = (body as { type?: unknown } | null)?.type;
  if (typeof type !== "string" || !Object.hasOwn(eventCatalog, type)) return "ignored";
  const handler = handlers[type as EventType] as Handler<EventType> | undefined;
  if (!handler) return "ignored";
  const parsed = parseEvent(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `The ${type} event does not match the contract: ${issue.path.join(".") || "(body)"} ${issue.message}.`,
    );
  }
  await handler(tx, parsed.data, context);
  return "applied";
}
