import { type Bid, bidSchema } from "@lotbridge/contract/bid";
import { bidDecisionSchema } from "@lotbridge/contract/bid-decision";
import { bidPageSchema } from "@lotbridge/contract/bid-list";
import { bidSubmissionSchema } from "@lotbridge/contract/bid-submission";
import { type Contract, contractSchema } from "@lotbridge/contract/contract";
import { counterOfferInputSchema } from "@lotbridge/contract/counter-offer-input";
import { lineTotal } from "@lotbridge/contract/decimal";
import { dispatchInputSchema, ticketInputSchema } from "@lotbridge/contract/delivery";
import type { EventType } from "@lotbridge/contract/event-catalog";
import { API_VERSION, eventComponentName, eventEnvelopeSchemas } from "@lotbridge/contract/event-envelope";
import { type Lot, type LotInput, lotInputSchema } from "@lotbridge/contract/lot";
import { offerRejectionSchema } from "@lotbridge/contract/offer-rejection";
import {
  issuedOrganizationKeySchema,
  newOrganizationKeySchema,
  type OrganizationKey,
  organizationKeySchema,
} from "@lotbridge/contract/organization-api-key";
import { problemSchema } from "@lotbridge/contract/problem";
import {
  createdWebhookEndpointSchema,
  newPlatformSchema,
  newWebhookEndpointSchema,
  type ProducerPlatform,
  producerPlatformSchema,
  type WebhookEndpointView,
} from "@lotbridge/contract/producer-platform";
import { signatureInputSchema } from "@lotbridge/contract/signature-input";
import { documentHashOf, renderContractDocument } from "@lotbridge/documents/contract-document";
import type { z } from "zod";

/** Leaves an optional field out of an example. */
export const OMIT = Symbol("omit");

export type Fill = unknown;

export interface Spec {
  name: string;
  /** JSON pointer below `#/components/schemas/` of the OpenAPI document, e.g. `Bid` or `BidDecision/oneOf/1`. */
  component: string;
  schema: z.ZodType;
  fill: Fill;
}

// ---------------------------------------------------------------------------------------------------------------------
// The story: Northfield Mills buys 500 t of milling wheat; Greenacre Farms bids for 200 t, the buyer counters, the
// producer accepts, and the contract follows.

const buyerOrganization = { id: "a8Jc2LqV0rT5mWn3Ks9XbYd4Pe7Hf1Gz", name: "Northfield Mills" };
const producer = {
  organizationId: "Xw4Rb8Nc1Vq6Lt3Jm9Pz2Ks7Hd5Gf0Ya",
  organizationName: "Greenacre Farms",
  name: "Piet de Vries",
  email: "piet@greenacre.example",
};

const lot: Lot = {
  id: "lot_7k2q9m4xv3n8p1c6t5r0wz2h",
  number: "LOT-2026-000123",
  status: "published",
  buyerOrganization,
  title: "Milling wheat, 12.5% protein",
  commodity: "Wheat",
  description: "Bread-making wheat for the Hamburg mill, delivered in bulk.",
  qualitySpecs: "Protein min 12.5 %, moisture max 14 %, falling number min 250 s, test weight min 76 kg/hl",
  volume: "500.000",
  unit: "t",
  minBidVolume: "50.000",
  partialBidsAllowed: true,
  targetPrice: "240.0000",
  currency: "EUR",
  deliveryLocation: "Northfield Mills, Dock 2, Hamburg",
  incoterm: "DAP",
  deliveryStart: "2027-01-04",
  deliveryEnd: "2027-01-29",
  biddingDeadline: "2026-12-15T16:00:00.000Z",
  paymentTerms: "30 days after delivery, bank transfer",
  tolerance: { percent: "5.00", option: "seller", beyond: "refuse" },
  // The story's buyer keeps its quality in the free-text specifications: no structured parameters. (The guide's
  // examples cannot show items of a list whose schema default is empty: the sampler gives no item to fill in.)
  qualityParameters: [],
  allocatedVolume: "0.000",
  publishedAt: "2026-11-27T09:00:00.000Z",
  createdAt: "2026-11-25T14:12:08.000Z",
  updatedAt: "2026-11-27T09:00:00.000Z",
  version: 2,
};

const submission = {
  lotId: lot.id,
  externalBidId: "pbid_3m8c1x9k2v7q4t6n0r5w8z1h",
  bidder: producer,
  volume: "200",
  pricePerUnit: "245.50",
  currency: "EUR",
  deliveryTerms: "DAP Hamburg, first half of January",
  message: "Harvest 2026, stored on farm; samples on request.",
  validUntil: "2026-12-20T17:00:00Z",
};

const placedAt = "2026-11-28T10:15:42.000Z";
const counteredAt = "2026-11-29T08:30:00.000Z";
const acceptedAt = "2026-11-30T09:05:11.000Z";

const producerRound = {
  id: "ofr_5t1w8c3n6q0x2m9v4k7r1z8p",
  round: 1,
  fromParty: "producer",
  volume: "200.000",
  pricePerUnit: "245.5000",
  currency: "EUR",
  total: lineTotal("200.000", "245.5000"),
  deliveryTerms: submission.deliveryTerms,
  message: submission.message,
  expiresAt: "2026-12-20T17:00:00.000Z",
  status: "pending",
  createdAt: placedAt,
} as const;

const counterOffer = {
  volume: "200",
  pricePerUnit: "238.00",
  deliveryTerms: "DAP Hamburg, first half of January",
  message: "We can do 238.00 for the full 200 t.",
  expiresAt: "2026-12-05T12:00:00Z",
};

const buyerRound = {
  id: "ofr_9x4m2c7v1q8n3t6k0w5r2z9h",
  round: 2,
  fromParty: "buyer",
  volume: "200.000",
  pricePerUnit: "238.0000",
  currency: "EUR",
  total: lineTotal("200.000", "238.0000"),
  deliveryTerms: counterOffer.deliveryTerms,
  message: counterOffer.message,
  expiresAt: "2026-12-05T12:00:00.000Z",
  status: "pending",
  createdAt: counteredAt,
} as const;

/** The answer to POST /api/bids, and the data of `bid.received`. */
const bid: Bid = {
  id: "bid_2h6q9v3m8c1x5t0n7k4r2w6z",
  lotId: lot.id,
  lotNumber: lot.number,
  status: "submitted",
  source: "producer-portal",
  externalBidId: submission.externalBidId,
  bidder: producer,
  volume: "200.000",
  pricePerUnit: "245.5000",
  currency: "EUR",
  total: lineTotal("200.000", "245.5000"),
  deliveryTerms: submission.deliveryTerms,
  message: submission.message,
  validUntil: "2026-12-20T17:00:00.000Z",
  rejectionReason: null,
  createdAt: placedAt,
  updatedAt: placedAt,
  version: 1,
  offers: [producerRound],
};

/** The bid after the buyer's counter-offer: the bid keeps its own terms, the new round is last and pending. */
const counteredBid: Bid = {
  ...bid,
  status: "countered",
  updatedAt: counteredAt,
  version: 2,
  offers: [{ ...producerRound, status: "superseded" }, buyerRound],
};

const contractBase: Contract = {
  id: "ct_4n8v2q6m1c9x3t7k0r5w8z2h",
  number: "CT-2026-000042",
  status: "pending_signature",
  buyer: { organizationId: buyerOrganization.id, name: buyerOrganization.name },
  producer: {
    organizationId: producer.organizationId,
    name: producer.organizationName,
    contactName: producer.name,
    contactEmail: producer.email,
  },
  lot: { id: lot.id, number: lot.number, title: lot.title, commodity: lot.commodity, qualitySpecs: lot.qualitySpecs },
  terms: {
    volume: buyerRound.volume,
    unit: lot.unit,
    pricePerUnit: buyerRound.pricePerUnit,
    currency: "EUR",
    total: buyerRound.total,
    paymentTerms: lot.paymentTerms,
    incoterm: lot.incoterm,
    deliveryLocation: lot.deliveryLocation,
    deliveryStart: lot.deliveryStart,
    deliveryEnd: lot.deliveryEnd,
    tolerance: lot.tolerance,
    qualityParameters: lot.qualityParameters,
  },
  lotId: lot.id,
  bidId: bid.id,
  offerId: buyerRound.id,
  signatures: [],
  statusHistory: [{ status: "pending_signature", at: acceptedAt, reason: null }],
  cancellationReason: null,
  // Nothing delivered yet: 200 t ± 5 %.
  delivery: {
    dispatches: [],
    tickets: [],
    ledger: {
      volume: buyerRound.volume,
      minimum: "190.000",
      maximum: "210.000",
      accepted: "0.000",
      remaining: buyerRound.volume,
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
  createdAt: acceptedAt,
  updatedAt: acceptedAt,
  version: 1,
};

/** `GET /api/bids?limit=1&updatedSince=…` as the producer portal's platform reads it after the counter-offer: more follow. */
const bidPage = {
  data: [counteredBid],
  // The cursor is the page's last bid: its updated_at (to the microsecond) and id, as base64url JSON.
  nextCursor: Buffer.from(JSON.stringify([counteredAt.replace("Z", "000Z"), counteredBid.id])).toString("base64url"),
};

// ---------------------------------------------------------------------------------------------------------------------
// A second producer platform: the cooperative's dashboard, registered by the buyer portal's operators.

const coopPlatform: ProducerPlatform = {
  id: "coop-dashboard",
  name: "Greenacre Cooperative dashboard",
  createdAt: "2026-11-26T10:20:00.000Z",
  endpoints: [],
  apiKeys: [],
};

const coopEndpoint = {
  url: "https://coop.greenacre.example/hooks/lotbridge",
  eventTypes: ["lot.published", "lot.updated", "bid.received"],
};

const coopEndpointCreated: WebhookEndpointView & { secret: string } = {
  id: "whe_8r3k6v1m9c4x2q7n0t5w8z3h",
  platform: coopPlatform.id,
  url: coopEndpoint.url,
  eventTypes: coopEndpoint.eventTypes,
  enabled: true,
  disabledReason: null,
  failingSince: null,
  previousSecretExpiresAt: null,
  createdAt: "2026-11-26T10:24:31.000Z",
  secret: "whsec_q3N8vR1xK6mT0cW5pZ9hJ2bF7dL4sY8gA1eU6nQ3rM0=",
};

// ---------------------------------------------------------------------------------------------------------------------
// Northfield Mills' own ERP, with an organization key an admin issued: it creates the story's lot.

const erpKeyValue = "lbk_Tq8vN3kR6xM1cW9pZ4hJ7bF2dL5sY0gA";
const erpKey: OrganizationKey = {
  id: "key_6w1n9c4q7x2m5v8t3k0r6z1h",
  name: "SAP S/4 purchasing",
  prefix: erpKeyValue.slice(0, 12),
  scopes: ["lots:write", "bids:read", "contracts:read"],
  createdAt: "2026-11-24T15:02:44.000Z",
  lastUsedAt: null,
  revokedAt: null,
};

/** What the ERP sends to create the story's lot as a draft (POST /api/lots), the body the lot form sends too. */
const lotInput: LotInput = {
  title: lot.title,
  commodity: lot.commodity,
  description: lot.description,
  qualitySpecs: lot.qualitySpecs,
  volume: "500",
  unit: lot.unit,
  minBidVolume: "50",
  partialBidsAllowed: lot.partialBidsAllowed,
  targetPrice: "240.00",
  currency: lot.currency,
  deliveryLocation: lot.deliveryLocation,
  incoterm: lot.incoterm,
  deliveryStart: lot.deliveryStart,
  deliveryEnd: lot.deliveryEnd,
  biddingDeadline: "2026-12-15T16:00:00Z",
  paymentTerms: lot.paymentTerms,
  tolerance: { percent: "5", option: "seller", beyond: "refuse" },
  qualityParameters: lot.qualityParameters,
};

const envelope = (type: EventType, id: string, createdAt: string, data: unknown) => ({
  id,
  type,
  createdAt,
  apiVersion: API_VERSION,
  data,
});

/** The guide's examples: which schema each shows, and the story's values for it. */
export async function specs(): Promise<Spec[]> {
  // The hash a party signs: SHA-256 of the PDF both portals render from the contract above.
  const documentHash = documentHashOf(await renderContractDocument(contractSchema.parse(contractBase)));
  return [
    {
      name: "event:lot.published",
      component: eventComponentName("lot.published"),
      schema: eventEnvelopeSchemas["lot.published"],
      fill: envelope("lot.published", "evt_6c2x9m4q1v8n3t7k5r0w2z6h", lot.publishedAt as string, lot),
    },
    { name: "BidSubmission", component: "BidSubmission", schema: bidSubmissionSchema, fill: submission },
    { name: "Bid", component: "Bid", schema: bidSchema, fill: bid },
    {
      name: "BidDecision:accept",
      component: "BidDecision/oneOf/0",
      schema: bidDecisionSchema,
      fill: { action: "accept" },
    },
    {
      name: "BidDecision:reject",
      component: "BidDecision/oneOf/1",
      schema: bidDecisionSchema,
      fill: { action: "reject", reason: "We have covered January already; thank you for the offer." },
    },
    { name: "CounterOfferInput", component: "CounterOfferInput", schema: counterOfferInputSchema, fill: counterOffer },
    {
      name: "event:bid.counter_offer",
      component: eventComponentName("bid.counter_offer"),
      schema: eventEnvelopeSchemas["bid.counter_offer"],
      fill: envelope("bid.counter_offer", "evt_1q7v3m9c2x6n0t4k8r5w1z7h", counteredAt, counteredBid),
    },
    {
      name: "OfferRejection",
      component: "OfferRejection",
      schema: offerRejectionSchema,
      fill: { reason: "238.00 does not cover our drying costs." },
    },
    {
      name: "event:contract.created",
      component: eventComponentName("contract.created"),
      schema: eventEnvelopeSchemas["contract.created"],
      fill: envelope("contract.created", "evt_8m3c6x1q9v4n7t2k0r5w3z8h", acceptedAt, contractBase),
    },
    {
      name: "SignatureInput",
      component: "SignatureInput",
      schema: signatureInputSchema,
      fill: { signerName: producer.name, signerEmail: producer.email, documentHash },
    },
    {
      name: "DispatchInput",
      component: "DispatchInput",
      schema: dispatchInputSchema,
      fill: {
        plannedDate: "2026-09-03",
        vehicleReference: "GA-71-BX",
        estimatedWeight: "28.000",
        note: "Second truck follows at noon.",
      },
    },
    {
      name: "TicketInput",
      component: "TicketInput",
      schema: ticketInputSchema,
      fill: {
        ticketNumber: "NM-5120",
        receivedAt: "2026-09-03T09:40:00Z",
        dispatchId: "dsp_7k2m9x4q1v8c3n6t0r5w2z7h",
        grossWeight: "42.760",
        tareWeight: "14.300",
        netWeight: "28.460",
        measurements: [
          { name: "Moisture", value: "13.6", unit: "%" },
          { name: "Protein", value: "12.1", unit: "%" },
        ],
        decision: "accept_with_discount",
        discountKind: "per_unit",
        discountAmount: "4.00",
        rejectionReason: "",
        note: "Protein below 12.5 %: EUR 4.00 per tonne off.",
      },
    },
    {
      name: "event:lot.deleted",
      component: eventComponentName("lot.deleted"),
      schema: eventEnvelopeSchemas["lot.deleted"],
      fill: envelope("lot.deleted", "evt_3v9c1m6x4q8n2t0k7r5w9z3h", "2026-11-27T11:40:00.000Z", {
        id: "lot_0p8w3k6m1v9c4x7q2n5t8r1z",
        number: "LOT-2026-000118",
        version: 4,
      }),
    },
    {
      name: "event:ping",
      component: eventComponentName("ping"),
      schema: eventEnvelopeSchemas.ping,
      fill: envelope("ping", "evt_5k0w7c2m9x3q6v1n8t4r7z5h", "2026-11-27T12:00:00.000Z", {
        message: "Ping from the buyer portal, sent by Anna Keller",
        version: 1,
      }),
    },
    {
      name: "Problem",
      component: "Problem",
      schema: problemSchema,
      fill: {
        type: "urn:lotbridge:problem:volume-below-minimum",
        title: "Validation failed",
        status: 422,
        detail: "LOT-2026-000123 takes bids of at least 50.000 t (or the whole 500.000 t still open).",
        instance: OMIT,
        requestId: "5f0c9a7e-3b1d-4c8e-9f2a-6d4b8e1c7a30",
        errors: [{ field: "volume", message: "must be at least 50.000 t, the lot's minimum bid" }],
      },
    },
    { name: "BidPage", component: "BidPage", schema: bidPageSchema, fill: bidPage },
    {
      name: "NewProducerPlatform",
      component: "NewProducerPlatform",
      schema: newPlatformSchema,
      fill: { id: coopPlatform.id, name: coopPlatform.name },
    },
    { name: "ProducerPlatform", component: "ProducerPlatform", schema: producerPlatformSchema, fill: coopPlatform },
    {
      name: "NewWebhookEndpoint",
      component: "NewWebhookEndpoint",
      schema: newWebhookEndpointSchema,
      fill: coopEndpoint,
    },
    {
      name: "CreatedWebhookEndpoint",
      component: "CreatedWebhookEndpoint",
      schema: createdWebhookEndpointSchema,
      fill: coopEndpointCreated,
    },
    {
      name: "NewOrganizationKey",
      component: "NewOrganizationKey",
      schema: newOrganizationKeySchema,
      fill: { name: erpKey.name, scopes: erpKey.scopes },
    },
    {
      name: "IssuedOrganizationKey",
      component: "IssuedOrganizationKey",
      schema: issuedOrganizationKeySchema,
      fill: { ...erpKey, key: erpKeyValue },
    },
    { name: "LotInput", component: "LotInput", schema: lotInputSchema, fill: lotInput },
    {
      name: "OrganizationKey",
      component: "OrganizationKey",
      schema: organizationKeySchema,
      // The revoke answer, once the ERP has moved to a new key.
      fill: { ...erpKey, lastUsedAt: "2026-11-30T07:45:12.000Z", revokedAt: "2026-11-30T18:00:00.000Z" },
    },
  ];
}
