import { z } from "zod";
import { bidSchema } from "./bid";
import { contractSchema } from "./contract";
import { lotNumber, lotSchema } from "./lot";
import { prefixedId } from "./prefixed-id";
import { snapshotVersion } from "./snapshot-version";

/** What is left of a deleted lot: enough for a receiver to remove it. */
export const deletedLotSchema = z
  .object({ id: prefixedId("lot"), number: lotNumber(), version: snapshotVersion() })
  .meta({ id: "DeletedLot", description: "The id, number and final version of a lot that no longer exists" });

/** A test event with no business meaning: proves the signed path from buyer to producer works. */
export const pingSchema = z
  .object({ message: z.string(), version: snapshotVersion() })
  .meta({ id: "Ping", description: "Test event payload" });

/**
 * Every event the buyer portal sends the producer portal: its data snapshot and what it means.
 * Drafts are private, so there is no lot.created.
 */
export const eventCatalog = {
  "lot.published": { data: lotSchema, description: "A buyer published a lot: it is open for bids." },
  "lot.updated": {
    data: lotSchema,
    description: "A buyer changed a published lot; producers with open bids are told.",
  },
  "lot.closed": { data: lotSchema, description: "Bidding on a lot ended, at its deadline or by the buyer." },
  "lot.awarded": { data: lotSchema, description: "A lot's whole volume is allocated to accepted bids." },
  "lot.cancelled": { data: lotSchema, description: "A buyer cancelled a lot; its open bids will not be accepted." },
  "lot.deleted": { data: deletedLotSchema, description: "A lot producers had seen no longer exists; remove it." },
  "bid.received": { data: bidSchema, description: "The buyer portal stored a producer's bid." },
  "bid.accepted": { data: bidSchema, description: "The buyer accepted a bid as placed; a contract follows." },
  "bid.rejected": { data: bidSchema, description: "The buyer rejected a bid, or it lost when the lot was awarded." },
  "bid.withdrawn": { data: bidSchema, description: "The producer withdrew a bid." },
  "bid.expired": { data: bidSchema, description: "A bid passed its validUntil without a decision." },
  "bid.counter_offer": { data: bidSchema, description: "The buyer countered a bid; the new offer is the last one." },
  "bid.counter_accepted": { data: bidSchema, description: "A counter-offer was accepted; a contract follows." },
  "bid.counter_rejected": { data: bidSchema, description: "A counter-offer was rejected." },
  "contract.created": { data: contractSchema, description: "A contract was created from an accepted bid or offer." },
  "contract.updated": {
    data: contractSchema,
    description: "A contract changed: a signature, activation, cancellation, completion or an overdue delivery.",
  },
  "delivery.dispatched": {
    data: contractSchema,
    description: "The producer announced a load; the contract's delivery lists it as an expected arrival.",
  },
  "delivery.received": {
    data: contractSchema,
    description: "The buyer recorded a weighbridge ticket (accepted, discounted or rejected); the ledger moved.",
  },
  "delivery.corrected": {
    data: contractSchema,
    description: "The buyer corrected a ticket with a new version and a reason; the ledger moved.",
  },
  "contract.fulfilled": {
    data: contractSchema,
    description: "The accepted quantity is within the tolerance and the buyer confirmed; the settlement is issued.",
  },
  "contract.closed_short": {
    data: contractSchema,
    description: "The buyer closed the contract with less than the tolerance allows, with a reason; settlement issued.",
  },
  ping: { data: pingSchema, description: "A test event proving the signed delivery path; change nothing." },
} as const;

export type EventType = keyof typeof eventCatalog;
export type EventData<T extends EventType> = z.infer<(typeof eventCatalog)[T]["data"]>;

export const eventTypes = Object.keys(eventCatalog) as EventType[];
