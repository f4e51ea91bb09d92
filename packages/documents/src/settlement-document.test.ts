import { type Contract, contractSchema } from "@lotbridge/contract/contract";
import type { Ticket } from "@lotbridge/contract/delivery";
import { computeLedger } from "@lotbridge/contract/delivery-ledger";
import { describe, expect, it } from "vitest";
import { documentHashOf } from "./contract-document";
import { readPdfText } from "./read-pdf-text";
import { renderSettlement, settlementFilename } from "./settlement-document";

const clerk = { party: "buyer" as const, name: "Jonas Brandt" };

const firstVersion = {
  version: 1,
  receivedAt: "2026-09-03T09:40:00.000Z",
  dispatchId: null,
  grossWeight: "40.200",
  tareWeight: "16.020",
  netWeight: "24.180",
  measurements: [
    { name: "Moisture", unit: "%" as const, value: "15.1", min: null, max: "14.5", inSpec: false },
    { name: "Protein", unit: "%" as const, value: "12.8", min: "12.5", max: null, inSpec: true },
  ],
  outOfSpec: true,
  decision: "accept" as const,
  discountKind: null,
  discountAmount: null,
  rejectionReason: "",
  acceptedQuantity: "24.180",
  discount: "0.00",
  value: "5936.19",
  note: "",
  correctionReason: null,
  recordedAt: "2026-09-03T09:45:00.000Z",
  recordedBy: clerk,
};

const tickets: Ticket[] = [
  {
    id: "tkt_w1042",
    number: "W-1042",
    ...firstVersion,
    version: 2,
    decision: "accept_with_discount",
    discountKind: "per_unit",
    discountAmount: "2.0000",
    discount: "48.36",
    value: "5887.83",
    correctionReason: "Moisture out of spec: discount agreed by phone",
    recordedAt: "2026-09-03T11:00:00.000Z",
    history: [firstVersion],
  },
  {
    id: "tkt_w1043",
    number: "W-1043",
    ...firstVersion,
    receivedAt: "2026-09-04T08:10:00.000Z",
    grossWeight: "41.000",
    tareWeight: "16.000",
    netWeight: "25.000",
    measurements: [],
    outOfSpec: false,
    decision: "reject",
    rejectionReason: "Live insects",
    acceptedQuantity: "0.000",
    value: "0.00",
    history: [],
  },
  {
    id: "tkt_w1044",
    number: "W-1044",
    ...firstVersion,
    receivedAt: "2026-09-05T08:10:00.000Z",
    grossWeight: "42.000",
    tareWeight: "16.000",
    netWeight: "26.000",
    measurements: [],
    outOfSpec: false,
    acceptedQuantity: "26.000",
    value: "6383.00",
    history: [],
  },
];

const terms = {
  volume: "50.000",
  unit: "t" as const,
  pricePerUnit: "245.5000",
  currency: "EUR" as const,
  total: "12275.00",
  paymentTerms: "30 days net after delivery.",
  incoterm: "FCA" as const,
  deliveryLocation: "Silo Nord, Hamburg harbour",
  deliveryStart: "2026-09-01",
  deliveryEnd: "2026-09-30",
  tolerance: { percent: "5", option: "seller" as const, beyond: "refuse" as const },
  qualityParameters: [
    { name: "Moisture", unit: "%" as const, min: null, max: "14.5" },
    { name: "Protein", unit: "%" as const, min: "12.5", max: null },
  ],
};

function aSettledContract(changes: Partial<Contract> = {}): Contract {
  return contractSchema.parse({
    id: "ct_7Hq2x",
    number: "CT-2026-000123",
    status: "fulfilled",
    buyer: { organizationId: "org_buyer1", name: "Northmill Foods GmbH" },
    producer: {
      organizationId: "org_producer1",
      name: "Łódź Grain Cooperative",
      contactName: "Marta Keller",
      contactEmail: "marta@hillside.example",
    },
    lot: {
      id: "lot_9Fk3a",
      number: "LOT-2026-000042",
      title: "Milling wheat, harvest 2026",
      commodity: "Wheat",
      qualitySpecs: "Protein min. 12.5 %",
    },
    terms,
    lotId: "lot_9Fk3a",
    bidId: "bid_4Rt8m",
    offerId: null,
    signatures: [],
    statusHistory: [
      { status: "pending_signature", at: "2026-08-15T12:00:00.000Z", reason: null },
      { status: "active", at: "2026-08-17T10:00:00.000Z", reason: null },
      { status: "in_delivery", at: "2026-09-03T09:45:00.000Z", reason: null },
      { status: "fulfilled", at: "2026-09-06T15:30:00.000Z", reason: "All loads in, thank you." },
    ],
    cancellationReason: null,
    delivery: {
      dispatches: [],
      tickets,
      ledger: computeLedger(terms, tickets),
      entries: [
        {
          at: "2026-09-03T09:45:00.000Z",
          kind: "received",
          by: clerk,
          dispatchId: null,
          ticketId: "tkt_w1042",
          accepted: "24.180",
          value: "5936.19",
          text: "Ticket W-1042: 24.18 t accepted",
        },
      ],
      overdueSince: null,
      settlement: null,
    },
    createdAt: "2026-08-15T12:00:00.000Z",
    updatedAt: "2026-09-06T15:30:00.000Z",
    version: 9,
    ...changes,
  });
}

const textOf = async (bytes: Buffer) => (await readPdfText(bytes)).join("\n");

describe("the settlement statement", () => {
  it("is the same bytes every time it is rendered from the same contract", async () => {
    const first = await renderSettlement(aSettledContract());
    const second = await renderSettlement(aSettledContract());
    expect(first.subarray(0, 5).toString()).toBe("%PDF-");
    expect(second.equals(first)).toBe(true);
  });

  it("does not change with what the final snapshot adds: version, updatedAt, ledger entries, settlement, overdue", async () => {
    const before = aSettledContract();
    const original = await renderSettlement(before);
    const final = aSettledContract({
      version: 10,
      updatedAt: "2026-09-06T15:31:00.000Z",
      delivery: {
        ...before.delivery,
        entries: [
          ...before.delivery.entries,
          {
            at: "2026-09-06T15:30:00.000Z",
            kind: "fulfilled",
            by: clerk,
            dispatchId: null,
            ticketId: null,
            accepted: "50.180",
            value: "12270.83",
            text: "Fulfilled",
          },
        ],
        overdueSince: "2026-10-01T00:01:00.000Z",
        settlement: {
          issuedAt: "2026-09-06T15:30:00.000Z",
          documentHash: documentHashOf(original),
          filename: "settlement-CT-2026-000123.pdf",
        },
      },
    });
    expect((await renderSettlement(final)).equals(original)).toBe(true);
  });

  it("changes when a ticket's current version or the outcome differs", async () => {
    const original = await renderSettlement(aSettledContract());
    const before = aSettledContract();
    const recounted = aSettledContract({
      delivery: {
        ...before.delivery,
        tickets: before.delivery.tickets.map((ticket) =>
          ticket.number === "W-1044" ? { ...ticket, value: "6383.01" } : ticket,
        ),
      },
    });
    expect((await renderSettlement(recounted)).equals(original)).toBe(false);
    const later = aSettledContract({
      statusHistory: before.statusHistory.map((change) =>
        change.status === "fulfilled" ? { ...change, at: "2026-09-07T15:30:00.000Z" } : change,
      ),
    });
    expect((await renderSettlement(later)).equals(original)).toBe(false);
  });

  it("reads back with the parties, the terms, every ticket's current version and the ledger's totals", async () => {
    const text = await textOf(await renderSettlement(aSettledContract()));
    expect(text).toContain("Settlement statement CT-2026-000123");
    expect(text).toContain("Statement date: 6 Sep 2026 (UTC)");
    expect(text).toContain("Outcome: Fulfilled");
    // The standard fonts cannot print Ł: it is written as people would type it without.
    expect(text).toContain("Lódz Grain Cooperative");
    expect(text).toContain("±5 % at seller's option; loads beyond it are refused");
    expect(text).toContain("Moisture: max. 14.5 %");
    for (const number of ["W-1042", "W-1043", "W-1044"]) expect(text).toContain(`Ticket ${number}`);
    expect(text).toContain("2, corrected: Moisture out of spec: discount agreed by phone");
    expect(text).toContain("gross 40.2 t, tare 16.02 t, net 24.18 t");
    expect(text).toContain("Moisture 15.1 % (max. 14.5 %): OUT OF SPEC");
    expect(text).toContain("Protein 12.8 % (min. 12.5 %): in spec");
    expect(text).toContain("Accepted with a discount of EUR 2.00 / t");
    expect(text).toContain("Rejected: Live insects");
    // The ledger: 24.18 + 26 accepted, 25 rejected, 5,887.83 + 6,383.00 of value, 48.36 of discounts.
    expect(text).toContain("50.18 t");
    expect(text).toContain("47.5 t to 52.5 t");
    expect(text).toContain("25 t");
    expect(text).toContain("3 (1 out of spec)");
    expect(text).toContain("EUR 48.36");
    expect(text).toContain("EUR 12,270.83");
    expect(text).toContain("6 Sep 2026, 15:30 UTC");
    expect(text).toContain("All loads in, thank you.");
    expect(text).toContain("Page 1 of");
  });

  it("names a short closing and its reason, and fills pages cleanly with many tickets", async () => {
    const before = aSettledContract();
    const many = Array.from({ length: 60 }, (_, index) => ({
      ...tickets[2],
      id: `tkt_many${index}`,
      number: `M-${1000 + index}`,
    }));
    const short = aSettledContract({
      status: "closed_short",
      statusHistory: [
        ...before.statusHistory.slice(0, 3),
        { status: "closed_short", at: "2026-10-02T08:00:00.000Z", reason: "Harvest failed after the storm" },
      ],
      delivery: { ...before.delivery, tickets: many, ledger: computeLedger(terms, many) },
    });
    const pages = await readPdfText(await renderSettlement(short));
    const text = pages.join("\n");
    expect(pages.length).toBeGreaterThan(3);
    expect(text).toContain("Outcome: Closed short");
    expect(text).toContain("Harvest failed after the storm");
    expect(text).toContain("Ticket M-1059");
    expect(text).toContain(`Page ${pages.length} of ${pages.length}`);
  });

  it("is named after the contract's number", () => {
    expect(settlementFilename(aSettledContract())).toBe("settlement-CT-2026-000123.pdf");
  });
});
