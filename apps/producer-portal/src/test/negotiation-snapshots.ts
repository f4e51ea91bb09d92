import { randomBytes } from "node:crypto";
import type { Bid } from "@lotbridge/contract/bid";
import type { Contract } from "@lotbridge/contract/contract";
import { subtractDecimals } from "@lotbridge/contract/decimal";
import type { Dispatch, Ticket, TicketVersion } from "@lotbridge/contract/delivery";
import { computeLedger, measureQuality, valueTicket } from "@lotbridge/contract/delivery-ledger";
import { defaultDeliveryTerms } from "@lotbridge/contract/delivery-terms";
import { API_VERSION } from "@lotbridge/contract/event-envelope";
import type { Offer } from "@lotbridge/contract/offer";
import { type ProducerBidRow, type ProducerBidState, producerBids } from "@/domain/bids/producer-bid-table";
import { portal } from "@/server/portal";
import { eventId } from "./buyer-events";

const DAY = 86_400_000;
const hex = () => randomBytes(6).toString("hex");

/** A round of a bid's thread as the buyer portal sends it: decimals at the database's scale. */
export function offerSnapshot(change: Partial<Offer> = {}): Offer {
  return {
    id: `ofr_${hex()}`,
    round: 1,
    fromParty: "producer",
    volume: "100.000",
    pricePerUnit: "240.5000",
    currency: "EUR",
    total: "24050.00",
    deliveryTerms: "DAP Hamburg",
    message: "",
    expiresAt: new Date(Date.now() + 5 * DAY).toISOString(),
    status: "pending",
    createdAt: new Date().toISOString(),
    ...change,
  };
}

/**
 * The thread of a bid the buyer countered: the producer's round 1 superseded by the buyer's pending round 2
 * (236.00 for 80 t), expiring when `expiresAt` says.
 */
export function counteredThread(expiresAt = new Date(Date.now() + 2 * DAY).toISOString()): Offer[] {
  return [
    offerSnapshot({ status: "superseded" }),
    offerSnapshot({
      round: 2,
      fromParty: "buyer",
      volume: "80.000",
      pricePerUnit: "236.0000",
      total: "18880.00",
      message: "80 t at 236, delivered in the first week.",
      expiresAt,
    }),
  ];
}

/** The buyer portal's snapshot of a producer's bid held here. */
export function bidSnapshotOf(bid: ProducerBidRow, change: Partial<Bid> = {}): Bid {
  return {
    id: bid.buyerBidId ?? `bid_${hex()}`,
    lotId: bid.lotId,
    lotNumber: bid.lotNumber,
    status: "submitted",
    source: "producer-portal",
    externalBidId: bid.id,
    bidder: {
      organizationId: bid.organizationId,
      organizationName: "Greenacre",
      name: "Piet",
      email: "piet@greenacre.example",
    },
    volume: bid.volume,
    pricePerUnit: bid.pricePerUnit,
    currency: "EUR",
    total: "24050.00",
    deliveryTerms: bid.deliveryTerms,
    message: bid.message,
    validUntil: bid.validUntil.toISOString(),
    rejectionReason: null,
    createdAt: bid.createdAt.toISOString(),
    updatedAt: new Date().toISOString(),
    version: bid.version + 1,
    offers: [offerSnapshot({ volume: bid.volume, pricePerUnit: bid.pricePerUnit })],
    ...change,
  };
}

/** A contract of `organizationId` as `contract.created` carries it: pending signature, nobody signed. */
export function contractSnapshot(organizationId: string, change: Partial<Contract> = {}): Contract {
  const at = new Date().toISOString();
  return {
    id: `ct_${hex()}`,
    number: `CT-2026-${String(Math.floor(Math.random() * 999_999)).padStart(6, "0")}`,
    status: "pending_signature",
    buyer: { organizationId: "org_northfield", name: "Northfield Mills" },
    producer: {
      organizationId,
      name: "Greenacre",
      contactName: "Piet",
      contactEmail: "piet@greenacre.example",
    },
    lot: {
      id: "lot_wheat",
      number: "LOT-2026-000042",
      title: "Milling wheat",
      commodity: "Wheat",
      qualitySpecs: "Protein ≥ 12.5 %",
    },
    terms: {
      volume: "80.000",
      unit: "t",
      pricePerUnit: "236.0000",
      currency: "EUR",
      total: "18880.00",
      paymentTerms: "30 days after delivery",
      incoterm: "DAP",
      deliveryLocation: "Northfield Mill, Hamburg",
      deliveryStart: "2027-09-01",
      deliveryEnd: "2027-09-30",
      ...defaultDeliveryTerms("Wheat"),
    },
    lotId: "lot_wheat",
    bidId: `bid_${hex()}`,
    offerId: `ofr_${hex()}`,
    signatures: [],
    statusHistory: [{ status: "pending_signature", at, reason: null }],
    cancellationReason: null,
    delivery: {
      dispatches: [],
      tickets: [],
      ledger: computeLedger(
        { volume: "80.000", pricePerUnit: "236.0000", tolerance: defaultDeliveryTerms("Wheat").tolerance },
        [],
      ),
      entries: [],
      overdueSince: null,
      settlement: null,
    },
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...change,
  };
}

/** A contract both parties signed: open for deliveries. */
export function activeContractSnapshot(organizationId: string, change: Partial<Contract> = {}): Contract {
  const contract = contractSnapshot(organizationId, change);
  return {
    ...contract,
    status: "active",
    signatures: [signatureOf("buyer"), signatureOf("producer")],
    statusHistory: [...contract.statusHistory, { status: "active", at: "2026-11-02T10:00:00.000Z", reason: null }],
    version: 3,
    ...change,
  };
}

/** A dispatch as the buyer portal stores it for a load the producer announced. */
export function dispatchSnapshot(change: Partial<Dispatch> = {}): Dispatch {
  return {
    id: `dsp_${hex()}`,
    externalId: `pdsp_${hex()}`,
    plannedDate: "2027-09-03",
    vehicleReference: "HH-GA 1042",
    estimatedWeight: "24.000",
    note: "",
    announcedAt: "2027-09-01T08:00:00.000Z",
    announcedBy: { party: "producer", name: "Piet" },
    ticketIds: [],
    ...change,
  };
}

/** What a weighbridge ticket says, before the buyer portal values it against the contract. */
export interface TicketFacts {
  number: string;
  grossWeight: string;
  tareWeight: string;
  measurements?: { name: string; value: string }[];
  decision?: TicketVersion["decision"];
  discountKind?: TicketVersion["discountKind"];
  discountAmount?: string | null;
  rejectionReason?: string;
  dispatchId?: string | null;
  correctionReason?: string | null;
}

/** One version of a ticket, valued as the buyer portal values it (weights, quality against the terms, value). */
function ticketVersion(contract: Contract, facts: TicketFacts, version: number): TicketVersion {
  const parameters = contract.terms.qualityParameters;
  const measured = measureQuality(
    parameters,
    (facts.measurements ?? []).map((m) => ({
      ...m,
      unit: parameters.find((p) => p.name === m.name)?.unit ?? "%",
    })),
  );
  if (!("measurements" in measured)) throw new Error(measured.message);
  const netWeight = subtractDecimals(facts.grossWeight, facts.tareWeight);
  const decision = facts.decision ?? "accept";
  const outOfSpec = measured.measurements.some((m) => !m.inSpec);
  const discountKind = facts.discountKind ?? null;
  const discountAmount = facts.discountAmount ?? null;
  return {
    version,
    receivedAt: "2027-09-03T09:40:00.000Z",
    dispatchId: facts.dispatchId ?? null,
    grossWeight: facts.grossWeight,
    tareWeight: facts.tareWeight,
    netWeight,
    measurements: measured.measurements,
    outOfSpec,
    decision,
    discountKind,
    discountAmount,
    rejectionReason: facts.rejectionReason ?? "",
    ...valueTicket(contract.terms, { netWeight, decision, discountKind, discountAmount, outOfSpec }),
    note: "",
    correctionReason: version === 1 ? null : (facts.correctionReason ?? "Corrected."),
    recordedAt: `2027-09-03T09:4${Math.min(version, 9)}:00.000Z`,
    recordedBy: { party: "buyer", name: "Bea Buyer" },
  };
}

/** A ticket in its current version; `corrections` are the later versions' facts, oldest first. */
export function ticketSnapshot(contract: Contract, facts: TicketFacts, ...corrections: TicketFacts[]): Ticket {
  const versions = [facts, ...corrections].map((f, index) => ticketVersion(contract, f, index + 1));
  const current = versions[versions.length - 1];
  return {
    id: `tkt_${facts.number.replace(/\W/g, "")}`,
    number: facts.number,
    ...current,
    history: versions.slice(0, -1),
  };
}

/**
 * The contract one version on, with these dispatches and tickets (in_delivery, the ledger recomputed), and any other
 * change: what a `delivery.*` event carries.
 */
export function deliveredContract(
  contract: Contract,
  delivery: { dispatches?: Dispatch[]; tickets?: Ticket[] } & Partial<Contract["delivery"]>,
  change: Partial<Contract> = {},
): Contract {
  const tickets = delivery.tickets ?? contract.delivery.tickets;
  return {
    ...contract,
    status: "in_delivery",
    delivery: {
      ...contract.delivery,
      ...delivery,
      dispatches: delivery.dispatches ?? contract.delivery.dispatches,
      tickets,
      ledger: computeLedger(contract.terms, tickets),
    },
    version: contract.version + 1,
    ...change,
  };
}

/** A party's signature as contract snapshots carry it. */
export const signatureOf = (party: "buyer" | "producer", documentHash = "a".repeat(64)) => ({
  party,
  signerName: party === "buyer" ? "Bea Buyer" : "Piet",
  signerEmail: party === "buyer" ? "bea@northfield.example" : "piet@greenacre.example",
  signedAt: party === "buyer" ? "2026-11-02T09:00:00.000Z" : "2026-11-02T10:00:00.000Z",
  documentHash,
});

/** An event envelope exactly as the buyer portal sends it. */
export function buyerEvent<T extends string, D>(type: T, data: D) {
  return { id: eventId(), type, createdAt: new Date().toISOString(), apiVersion: API_VERSION, data };
}

/**
 * Stores a bid of `organizationId` on `lot` as the buyer portal last described it: `countered` bids hold the
 * buyer's pending counter-offer (see counteredThread).
 */
export async function holdBid(
  id: string,
  organizationId: string,
  lot: { id: string; number: string; title: string },
  state: ProducerBidState,
  change: Partial<ProducerBidRow> = {},
): Promise<ProducerBidRow> {
  const [bid] = await portal()
    .db.insert(producerBids)
    .values({
      id,
      lotId: lot.id,
      lotNumber: lot.number,
      lotTitle: lot.title,
      unit: "t",
      organizationId,
      userId: "usr_piet",
      volume: "100.000",
      pricePerUnit: "240.5000",
      currency: "EUR",
      deliveryTerms: "DAP Hamburg",
      message: "",
      validUntil: new Date(Date.now() + 5 * DAY),
      state,
      buyerBidId: state === "sending" ? null : `bid_of${id.replace(/[^A-Za-z0-9]/g, "")}`,
      version: state === "sending" ? 0 : 2,
      offers: state === "countered" ? counteredThread() : [],
      ...change,
    })
    .returning();
  return bid;
}

/**
 * Stores the accepted bid `contract` was made from, as this portal placed it: contract events are applied only for
 * a bid of this portal's (its buyer-side id known, in the contract's producer organization).
 */
export function holdBidOfContract(contract: Contract): Promise<ProducerBidRow> {
  return holdBid(`pbid_of_${contract.bidId}`, contract.producer.organizationId, contract.lot, "accepted", {
    buyerBidId: contract.bidId,
  });
}
