import { describe, expect, it } from "vitest";
import { bidSchema } from "./bid";
import { contractSchema } from "./contract";
import { eventCatalog, eventTypes } from "./event-catalog";
import { lotSchema } from "./lot";

const designEventTypes = [
  "lot.published",
  "lot.updated",
  "lot.closed",
  "lot.awarded",
  "lot.cancelled",
  "lot.deleted",
  "bid.received",
  "bid.accepted",
  "bid.rejected",
  "bid.withdrawn",
  "bid.expired",
  "bid.counter_offer",
  "bid.counter_accepted",
  "bid.counter_rejected",
  "contract.created",
  "contract.updated",
];

/** Executing a contract (docs/deliveries.md): each carries the whole contract, its delivery included. */
const deliveryEventTypes = [
  "delivery.dispatched",
  "delivery.received",
  "delivery.corrected",
  "contract.fulfilled",
  "contract.closed_short",
];

describe("event catalog", () => {
  it("holds exactly the 16 event types of the design, the 5 of deliveries and the ping test event", () => {
    expect(eventTypes).toEqual([...designEventTypes, ...deliveryEventTypes, "ping"]);
  });

  it("has no lot.created: drafts are private", () => {
    expect(eventTypes).not.toContain("lot.created");
  });

  it("gives every type a one-line description", () => {
    for (const type of eventTypes) {
      expect(eventCatalog[type].description).toMatch(/^[A-Z].{10,120}\.$/);
      expect(eventCatalog[type].description).not.toContain("\n");
    }
  });

  it("carries full snapshots: lots for lot events, bids with offers for bid events, contracts for contract and delivery events", () => {
    for (const type of eventTypes) {
      const expected =
        type === "lot.deleted" || type === "ping"
          ? undefined
          : {
              lot: lotSchema,
              bid: bidSchema,
              contract: contractSchema,
              delivery: contractSchema,
            }[type.split(".")[0]];
      if (expected) expect(eventCatalog[type].data, type).toBe(expected);
    }
    expect(Object.keys(eventCatalog["lot.deleted"].data.shape)).toEqual(["id", "number", "version"]);
    expect(Object.keys(eventCatalog.ping.data.shape)).toEqual(["message", "version"]);
    expect(Object.keys(bidSchema.shape)).toContain("offers");
  });
});
