import { describe, expect, it } from "vitest";
import type { Bid } from "./bid";
import type { Contract } from "./contract";
import { API_VERSION, eventEnvelopeSchemas, parseEvent } from "./event-envelope";
import type { Lot } from "./lot";

const at = "2026-11-02T09:30:00.000Z";

const lot: Lot = {
  id: "lot_5k2qabc",
  number: "LOT-2026-000123",
  status: "published",
  buyerOrganization: { id: "org_mill", name: "Hamburg Mill" },
  title: "Milling wheat",
  commodity: "Wheat",
  description: "",
  qualitySpecs: "Protein ≥ 12.5 %",
  volume: "500.000",
  unit: "t",
  minBidVolume: "50.000",
  partialBidsAllowed: true,
  targetPrice: "236.5000",
  currency: "EUR",
  deliveryLocation: "Hamburg",
  incoterm: "DAP",
  deliveryStart: "2027-09-01",
  deliveryEnd: "2027-09-30",
  biddingDeadline: "2027-08-15T12:00:00.000Z",
  paymentTerms: "30 days after delivery",
  tolerance: { percent: "5.00", option: "seller", beyond: "refuse" },
  qualityParameters: [
    { name: "Moisture", unit: "%", min: null, max: "14.5" },
    { name: "Protein", unit: "%", min: "12.5", max: null },
  ],
  allocatedVolume: "0.000",
  publishedAt: at,
  createdAt: at,
  updatedAt: at,
  version: 2,
};

const bid: Bid = {
  id: "bid_7hx2m",
  lotId: lot.id,
  lotNumber: lot.number,
  status: "countered",
  source: "producer-portal",
  externalBidId: "pbid_91",
  bidder: {
    organizationId: "org_farm",
    organizationName: "Green Acres",
    name: "Pat Farmer",
    email: "pat@acres.example",
  },
  volume: "120.000",
  pricePerUnit: "240.0000",
  currency: "EUR",
  total: "28800.00",
  deliveryTerms: "",
  message: "",
  validUntil: "2027-08-10T12:00:00.000Z",
  rejectionReason: null,
  createdAt: at,
  updatedAt: at,
  version: 3,
  offers: [
    {
      id: "ofr_a1",
      round: 1,
      fromParty: "buyer",
      volume: "120.000",
      pricePerUnit: "236.5000",
      currency: "EUR",
      total: "28380.00",
      deliveryTerms: "",
      message: "Can you meet our target?",
      expiresAt: "2027-08-05T12:00:00.000Z",
      status: "pending",
      createdAt: at,
    },
  ],
};

const contract: Contract = {
  id: "ct_9q",
  number: "CT-2026-000007",
  status: "pending_signature",
  buyer: { organizationId: "org_mill", name: "Hamburg Mill" },
  producer: {
    organizationId: "org_farm",
    name: "Green Acres",
    contactName: "Pat Farmer",
    contactEmail: "pat@acres.example",
  },
  lot: { id: lot.id, number: lot.number, title: lot.title, commodity: lot.commodity, qualitySpecs: lot.qualitySpecs },
  terms: {
    volume: "120.000",
    unit: "t",
    pricePerUnit: "236.5000",
    currency: "EUR",
    total: "28380.00",
    paymentTerms: lot.paymentTerms,
    incoterm: "DAP",
    deliveryLocation: "Hamburg",
    deliveryStart: "2027-09-01",
    deliveryEnd: "2027-09-30",
    tolerance: lot.tolerance,
    qualityParameters: lot.qualityParameters,
  },
  lotId: lot.id,
  bidId: bid.id,
  offerId: "ofr_a1",
  signatures: [],
  statusHistory: [{ status: "pending_signature", at, reason: null }],
  cancellationReason: null,
  delivery: {
    dispatches: [],
    tickets: [],
    ledger: {
      volume: "120.000",
      minimum: "114.000",
      maximum: "126.000",
      accepted: "0.000",
      remaining: "120.000",
      rejected: "0.000",
      withinTolerance: false,
      overTolerance: false,
      value: "0.00",
      discounts: "0.00",
      loads: 0,
      outOfSpecLoads: 0,
    },
    entries: [],
    overdueSince: null,
    settlement: null,
  },
  createdAt: at,
  updatedAt: at,
  version: 1,
};

const envelope = (type: string, data: unknown) => ({
  id: "evt_01hz",
  type,
  createdAt: at,
  apiVersion: API_VERSION,
  data,
});
const problems = (value: unknown) => {
  const result = parseEvent(value);
  return result.success
    ? []
    : result.error.issues.map((issue) => ({ field: issue.path.join("."), message: issue.message }));
};

describe("event envelope", () => {
  it("parses a valid event by its type and narrows its data", () => {
    const result = parseEvent(envelope("bid.counter_offer", bid));
    expect(result.success).toBe(true);
    if (!result.success || result.data.type !== "bid.counter_offer") throw new Error("expected a bid.counter_offer");
    expect(result.data.data.offers[0].pricePerUnit).toBe("236.5000");
    expect(parseEvent(envelope("lot.published", lot)).success).toBe(true);
    expect(parseEvent(envelope("contract.created", contract)).success).toBe(true);
    expect(parseEvent(envelope("lot.deleted", { id: lot.id, number: lot.number, version: 3 })).success).toBe(true);
    expect(parseEvent(envelope("ping", { message: "hello", version: 1 })).success).toBe(true);
  });

  it("rejects an unknown type, naming the type field", () => {
    const [issue] = problems(envelope("lot.created", lot));
    expect(issue.field).toBe("type");
    expect(issue.message).toMatch(/^must be one of the event types lot\.published, /);
  });

  it("rejects a snapshot of the wrong kind for its type", () => {
    expect(problems(envelope("contract.updated", lot)).map((p) => p.field)).toContain("data.number");
  });

  it("rejects a snapshot without a version, naming data.version", () => {
    const { version: _, ...unversioned } = lot;
    expect(problems(envelope("lot.updated", unversioned))).toEqual([{ field: "data.version", message: "is required" }]);
  });

  it("rejects money sent as a float, naming the field and asking for a string", () => {
    expect(problems(envelope("bid.received", { ...bid, pricePerUnit: 240.5 }))).toEqual([
      { field: "data.pricePerUnit", message: 'must be a decimal number written as a string, e.g. "245.50"' },
    ]);
    const offers = [{ ...bid.offers[0], total: 28380 }];
    expect(problems(envelope("bid.received", { ...bid, offers })).map((p) => p.field)).toEqual(["data.offers.0.total"]);
  });

  it("rejects a body that is not an event at all", () => {
    expect(problems("lot.published")).toEqual([
      { field: "", message: "must be an event object with id, type, createdAt, apiVersion and data" },
    ]);
    expect(problems({ ...envelope("ping", { message: "hi", version: 1 }), id: "msg_1" }).map((p) => p.field)).toEqual([
      "id",
    ]);
  });

  it("carries a lot's and a contract's delivery terms, and reads a snapshot from before them as ±0 % and none", () => {
    const lotEvent = parseEvent(envelope("lot.updated", lot));
    if (!lotEvent.success || lotEvent.data.type !== "lot.updated") throw new Error("expected a lot.updated");
    expect(lotEvent.data.data.tolerance).toEqual({ percent: "5.00", option: "seller", beyond: "refuse" });
    expect(lotEvent.data.data.qualityParameters).toEqual(lot.qualityParameters);
    const { tolerance: _, qualityParameters: __, ...older } = lot;
    const olderEvent = parseEvent(envelope("lot.updated", older));
    if (!olderEvent.success || olderEvent.data.type !== "lot.updated") throw new Error("expected a lot.updated");
    expect(olderEvent.data.data.tolerance).toEqual({ percent: "0", option: "seller", beyond: "refuse" });
    expect(olderEvent.data.data.qualityParameters).toEqual([]);
    const received = parseEvent(envelope("delivery.received", contract));
    if (!received.success || received.data.type !== "delivery.received") throw new Error("expected delivery.received");
    expect(received.data.data.terms.qualityParameters.map((p) => p.name)).toEqual(["Moisture", "Protein"]);
  });

  it("refuses delivery terms out of range, naming the field", () => {
    const tolerance = { ...lot.tolerance, percent: "25" };
    expect(problems(envelope("lot.updated", { ...lot, tolerance })).map((p) => p.field)).toEqual([
      "data.tolerance.percent",
    ]);
    const qualityParameters = [{ name: "Moisture", unit: "percent", min: null, max: "14.5" }];
    expect(problems(envelope("lot.updated", { ...lot, qualityParameters })).map((p) => p.field)).toEqual([
      "data.qualityParameters.0.unit",
    ]);
  });

  it("offers one schema per type for validating a single kind of event", () => {
    expect(eventEnvelopeSchemas["lot.awarded"].safeParse(envelope("lot.awarded", lot)).success).toBe(true);
    expect(eventEnvelopeSchemas["lot.awarded"].safeParse(envelope("lot.closed", lot)).success).toBe(false);
  });
});
