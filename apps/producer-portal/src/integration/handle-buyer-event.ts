import { type EventType, eventCatalog } from "@lotbridge/contract/event-catalog";
import { type EventEnvelope, parseEvent } from "@lotbridge/contract/event-envelope";
import { eq } from "drizzle-orm";
import type { ProducerTx } from "../db/database";
import { applyBidSnapshot, type BidSnapshotEvent } from "../domain/bids/apply-bid-snapshot";
import { applyContractSnapshot, foreignContractReason } from "../domain/contracts/apply-contract-snapshot";
import { normaliseContract, type StoredContract } from "../domain/contracts/normalise-contract";
import { applyLotSnapshot, type LotSnapshotEvent } from "../domain/marketplace/apply-lot-snapshot";
import { marketLots } from "../domain/marketplace/market-lot-table";
import { removeDeletedLot } from "../domain/marketplace/remove-deleted-lot";
import { tellBiddersAboutLot } from "../domain/marketplace/tell-bidders-about-lot";
import { answerPing } from "./answer-ping";

/** What handlers may need beyond the event: where this portal lives, for links in notifications. */
export interface EventContext {
  publicUrl: string;
}

/** A handler's verdict on an event that is not for this portal: never applied, whenever it is sent again. */
export interface Refusal {
  refused: string;
}

type Handler<K extends EventType> = (
  tx: ProducerTx,
  event: EventEnvelope<K>,
  context: EventContext,
) => Promise<Refusal | undefined>;

/** What a buyer event changes here. A type without a handler is acknowledged and changes nothing. */
const handlers: { [K in EventType]?: Handler<K> } = {
  ping: async (tx, event) => {
    await answerPing(tx, event);
    return undefined;
  },
  "lot.published": keepLot,
  "lot.updated": keepLot,
  "lot.closed": keepLot,
  "lot.awarded": keepLot,
  "lot.cancelled": keepLot,
  "lot.deleted": async (tx, event) => {
    await removeDeletedLot(tx, event);
    return undefined;
  },
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
  "delivery.dispatched": keepContract,
  "delivery.received": keepContract,
  "delivery.corrected": keepContract,
  "contract.fulfilled": keepContract,
  "contract.closed_short": keepContract,
};

/** The events whose data is a whole Contract. */
type ContractEventType =
  | "contract.created"
  | "contract.updated"
  | "delivery.dispatched"
  | "delivery.received"
  | "delivery.corrected"
  | "contract.fulfilled"
  | "contract.closed_short";

/**
 * Every lot event carries the lot's whole snapshot and goes to every platform: the marketplace's replica keeps the
 * newest one, and producers bidding on the lot hear what changed.
 */
async function keepLot(tx: ProducerTx, event: LotSnapshotEvent, context: EventContext): Promise<undefined> {
  const [held] = await tx
    .select({ snapshot: marketLots.snapshot })
    .from(marketLots)
    .where(eq(marketLots.id, event.data.id))
    .for("update");
  if (await applyLotSnapshot(tx, event, context)) {
    await tellBiddersAboutLot(tx, context.publicUrl, held?.snapshot ?? null, event);
  }
  return undefined;
}

/** Bid events confirm or move on the producer's own bids, and only those; links in notifications use this portal. */
function keepBid(tx: ProducerTx, event: BidSnapshotEvent, context: EventContext): Promise<Refusal | undefined> {
  return applyBidSnapshot(tx, context.publicUrl, event);
}

/**
 * Contract and delivery events carry the whole contract; the organization's replica keeps the newest, of its own bids
 * only, and tells the organization what changed (each change once: only a newer version is applied).
 */
async function keepContract(
  tx: ProducerTx,
  event: EventEnvelope<ContractEventType>,
  context: EventContext,
): Promise<Refusal | undefined> {
  const refused = await foreignContractReason(tx, event.data);
  if (refused) return { refused };
  await applyContractSnapshot(tx, context.publicUrl, event.data);
  return undefined;
}

export type EventOutcome = "applied" | "ignored" | Refusal;

const contractEventTypes = new Set<string>(
  Object.entries(handlers)
    .filter(([, handler]) => handler === keepContract)
    .map(([type]) => type),
);

/**
 * A contract event sent before deliveries existed (an older event the feed still holds) lacks the contract's delivery
 * section: it reads as today's with nothing delivered yet, as a replica stored then does (normaliseContract). Anything
 * else is left to the event's parser to judge.
 */
function withDelivery(body: unknown): unknown {
  const data = (body as { data?: unknown }).data as StoredContract | undefined;
  if (!data || typeof data !== "object" || "delivery" in data) return body;
  const terms = data.terms as unknown;
  if (!terms || typeof terms !== "object") return body;
  const { volume, pricePerUnit } = terms as Record<string, unknown>;
  if (typeof volume !== "string" || typeof pricePerUnit !== "string") return body;
  try {
    return { ...(body as object), data: normaliseContract(data) };
  } catch {
    return body;
  }
}

/**
 * Applies one buyer event, webhook body or feed entry alike, inside the caller's transaction; applyOnce is the only
 * caller outside tests. Types this portal does not act on — including types newer than this code — are ignored, so
 * the buyer portal can add events without breaking us. An event about a bid or contract that is not this portal's is
 * refused. An event we act on but cannot read or store is an error: the caller rolls back and records it as failed.
 */
export async function handleBuyerEvent(tx: ProducerTx, body: unknown, context: EventContext): Promise<EventOutcome> {
  const type = (body as { type?: unknown } | null)?.type;
  if (typeof type !== "string" || !Object.hasOwn(eventCatalog, type)) return "ignored";
  const handler = handlers[type as EventType] as Handler<EventType> | undefined;
  if (!handler) return "ignored";
  const parsed = parseEvent(contractEventTypes.has(type) ? withDelivery(body) : body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `The ${type} event does not match the contract: ${issue.path.join(".") || "(body)"} ${issue.message}.`,
    );
  }
  return (await handler(tx, parsed.data, context)) ?? "applied";
}
