import { createHash } from "node:crypto";
import { type Contract, contractSchema } from "@lotbridge/contract/contract";
import { describe, expect, it } from "vitest";
import {
  contractDocumentFilename,
  documentHashOf,
  renderContractDocument,
  renderContractLayout,
} from "./contract-document";
import { readPdfText } from "./read-pdf-text";

type ContractChanges = Partial<Omit<Contract, "producer" | "lot" | "terms">> & {
  producer?: Partial<Contract["producer"]>;
  lot?: Partial<Contract["lot"]>;
  terms?: Partial<Contract["terms"]>;
};

function aContract(changes: ContractChanges = {}): Contract {
  const { producer, lot, terms, ...rest } = changes;
  return contractSchema.parse({
    id: "ct_7Hq2x",
    number: "CT-2026-000123",
    status: "pending_signature",
    buyer: { organizationId: "org_buyer1", name: "Northmill Foods GmbH" },
    producer: {
      organizationId: "org_producer1",
      name: "Hillside Grain Cooperative",
      contactName: "Marta Keller",
      contactEmail: "marta@hillside.example",
      ...producer,
    },
    lot: {
      id: "lot_9Fk3a",
      number: "LOT-2026-000042",
      title: "Milling wheat, harvest 2026",
      commodity: "Wheat",
      qualitySpecs: "Protein min. 12.5 %, moisture max. 14 %, falling number min. 250 s.",
      ...lot,
    },
    terms: {
      volume: "1000.000",
      unit: "t",
      pricePerUnit: "245.5000",
      currency: "EUR",
      total: "245500.00",
      paymentTerms: "30 days net after delivery, by bank transfer.",
      incoterm: "FCA",
      deliveryLocation: "Silo Nord, Hamburg harbour",
      deliveryStart: "2026-09-01",
      deliveryEnd: "2026-09-30",
      ...terms,
    },
    lotId: "lot_9Fk3a",
    bidId: "bid_4Rt8m",
    offerId: "ofr_2Lp6c",
    signatures: [],
    statusHistory: [{ status: "pending_signature", at: "2026-08-15T12:00:00.000Z", reason: null }],
    cancellationReason: null,
    delivery: {
      dispatches: [],
      tickets: [],
      ledger: {
        volume: "1000.000",
        minimum: "1000.000",
        maximum: "1000.000",
        accepted: "0.000",
        remaining: "1000.000",
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
    createdAt: "2026-08-15T12:00:00.000Z",
    updatedAt: "2026-08-15T12:00:00.000Z",
    version: 1,
    ...rest,
  });
}

// SHA-256 of the fixture contract's PDF as this module rendered it before contracts had delivery terms (commit
// 26cfc8b), in both layouts, and of the long-specifications fixture that runs onto a second page. Parties signed hashes
// like these: they must never change.
const HASH_BEFORE_DELIVERY_TERMS = {
  formatted: "97fed663df8980f6fa0964786a0f44fefa8c1c222b7e0d6718b9051e098d6308",
  raw: "2b218628e8570caebc0e1ba67708d1d044b581f487aa4e86b510777affc89aa1",
  long: "0f717e8051295aec3c240e4c490ac11ded094c177f5bf2d0c0a621140951e4e0",
};

const longSpecs = () =>
  "Sound, sweet, free from foreign odours and live insects; sampled at loading by an agreed surveyor. "
    .repeat(60)
    .slice(0, 6000);

const wheatTerms = {
  tolerance: { percent: "5.00", option: "seller" as const, beyond: "refuse" as const },
  qualityParameters: [
    { name: "Moisture", unit: "%" as const, min: null, max: "14.5" },
    { name: "Protein", unit: "%" as const, min: "12.5", max: null },
    { name: "Test weight", unit: "kg/hl" as const, min: "76", max: null },
    { name: "Falling number", unit: "s" as const, min: "250", max: "400" },
  ],
};

/** All its text as pdf.js reads it back, page after page. */
async function textOf(bytes: Buffer) {
  return (await readPdfText(bytes)).join("\n");
}

/** Its text on one line: what a row says whatever width it wrapped at. */
async function flatTextOf(bytes: Buffer) {
  return (await textOf(bytes)).replace(/\s+/g, " ");
}

describe("the contract document", () => {
  it("is the same bytes every time it is rendered from the same contract", async () => {
    const first = await renderContractDocument(aContract());
    const second = await renderContractDocument(aContract());

    expect(first.subarray(0, 5).toString()).toBe("%PDF-");
    expect(second.equals(first)).toBe(true);
  });

  it("does not change when the contract is signed, activated or cancelled later", async () => {
    const original = await renderContractDocument(aContract());
    const hash = documentHashOf(original);
    const later = aContract({
      status: "cancelled",
      signatures: [
        {
          party: "buyer",
          signerName: "Jonas Brandt",
          signerEmail: "jonas@northmill.example",
          signedAt: "2026-08-16T09:30:00.000Z",
          documentHash: hash,
        },
        {
          party: "producer",
          signerName: "Marta Keller",
          signerEmail: "marta@hillside.example",
          signedAt: "2026-08-17T10:00:00.000Z",
          documentHash: hash,
        },
      ],
      statusHistory: [
        { status: "pending_signature", at: "2026-08-15T12:00:00.000Z", reason: null },
        { status: "active", at: "2026-08-17T10:00:00.000Z", reason: null },
        { status: "cancelled", at: "2026-08-20T08:00:00.000Z", reason: "Force majeure" },
      ],
      cancellationReason: "Force majeure",
      updatedAt: "2026-08-20T08:00:00.000Z",
      version: 4,
    });

    expect((await renderContractDocument(later)).equals(original)).toBe(true);
  });

  it("changes bytes and hash when an agreed term differs", async () => {
    const original = await renderContractDocument(aContract());
    const repriced = await renderContractDocument(
      aContract({ terms: { pricePerUnit: "246.0000", total: "246000.00" } }),
    );

    expect(repriced.equals(original)).toBe(false);
    expect(documentHashOf(repriced)).not.toBe(documentHashOf(original));
  });

  it("is hashed as the lowercase hex SHA-256 of its bytes", async () => {
    const bytes = await renderContractDocument(aContract());

    expect(documentHashOf(bytes)).toMatch(/^[0-9a-f]{64}$/);
    expect(documentHashOf(bytes)).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(contractDocumentFilename(aContract())).toBe("CT-2026-000123.pdf");
  });

  it("shows the parties, the lot and every agreed term", async () => {
    const text = await textOf(await renderContractDocument(aContract()));

    for (const expected of [
      "CT-2026-000123",
      "Date of acceptance: 15 Aug 2026 (UTC)",
      "Northmill Foods GmbH",
      "Hillside Grain Cooperative",
      "Marta Keller <marta@hillside.example>",
      "LOT-2026-000042",
      "Milling wheat, harvest 2026",
      "Protein min. 12.5 %",
      "1,000 t",
      "EUR 245.50 / t",
      "EUR 245,500.00",
      "30 days net after delivery, by bank transfer.",
      "FCA",
      "Silo Nord, Hamburg harbour",
      "1 Sep 2026 to 30 Sep 2026",
      "Lot lot_9Fk3a · Bid bid_4Rt8m · Offer ofr_2Lp6c",
      "SHA-256",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toMatch(/pending_signature|pending signature/i);
  });

  it("writes values exactly, never rounded: the largest price and total a contract can hold", async () => {
    const text = await textOf(
      await renderContractDocument(
        aContract({ terms: { volume: "0.001", pricePerUnit: "99999999999.9999", total: "100000000.00" } }),
      ),
    );

    expect(text).toContain("0.001 t");
    expect(text).toContain("EUR 99,999,999,999.9999 / t");
    expect(text).toContain("EUR 100,000,000.00");
    expect(text).not.toContain("GMT");
  });

  it("keeps the raw layout, byte for byte, for a contract somebody signed in it", async () => {
    const raw = await renderContractLayout(aContract(), "raw");
    const signed = aContract({
      signatures: [
        {
          party: "buyer",
          signerName: "Jonas Brandt",
          signerEmail: "jonas@northmill.example",
          signedAt: "2026-08-16T09:30:00.000Z",
          documentHash: documentHashOf(raw),
        },
      ],
    });

    expect((await renderContractDocument(signed)).equals(raw)).toBe(true);
    expect(await textOf(raw)).toContain("245.5000 EUR / t");
    expect((await renderContractDocument(aContract())).equals(raw)).toBe(false);
  });

  it("opens in pdf.js as one page whose content parses, heading first and footer last (not rasterized)", async () => {
    const pages = await readPdfText(await renderContractDocument(aContract()));

    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatch(/^Contract CT-2026-000123\n/);
    expect(pages[0]).toMatch(/CT-2026-000123 · Page 1 of 1\nLot lot_9Fk3a · Bid bid_4Rt8m · Offer ofr_2Lp6c$/);
  });

  it("spells names the standard fonts cannot print in letters they can", async () => {
    const contract = aContract({
      producer: { name: "Zakład Łódź", contactName: "Ñandú Müller" },
      lot: { title: "Пшениця з Київ 北京 🌾" },
    });

    const text = await textOf(await renderContractDocument(contract));

    expect(text).toContain("Zaklad Lódz");
    expect(text).toContain("Ñandú Müller");
    expect(text).toContain("Pshenytsia z Kyiv ?? ?");
  });

  it("renders a contract without delivery terms byte for byte as before they existed, in both layouts", async () => {
    expect(documentHashOf(await renderContractDocument(aContract()))).toBe(HASH_BEFORE_DELIVERY_TERMS.formatted);
    expect(documentHashOf(await renderContractLayout(aContract(), "raw"))).toBe(HASH_BEFORE_DELIVERY_TERMS.raw);
    const long = aContract({ lot: { qualitySpecs: longSpecs() } });
    expect(documentHashOf(await renderContractDocument(long))).toBe(HASH_BEFORE_DELIVERY_TERMS.long);
    // Written out as ±0 % and no parameters (what such a contract's snapshot now says), still the same bytes.
    const explicit = aContract({
      terms: { tolerance: { percent: "0.00", option: "buyer", beyond: "flag" }, qualityParameters: [] },
    });
    expect(documentHashOf(await renderContractDocument(explicit))).toBe(HASH_BEFORE_DELIVERY_TERMS.formatted);
  });

  it("writes the delivery tolerance and a table of the quality parameters when the contract has them", async () => {
    const bytes = await renderContractDocument(aContract({ terms: wheatTerms }));
    const pages = await readPdfText(bytes);
    expect(pages).toHaveLength(1);
    const page = pages.join("\n").replace(/\s+/g, " ");

    expect(page).toContain("Delivery tolerance");
    expect(page).toContain("±5 % (seller's option), beyond tolerance refused; accepted quantity 950 t to 1,050 t");
    expect(page).toContain("Quality parameters");
    // Each row reads across: name, minimum, maximum ("-" where there is no limit).
    for (const line of [
      "Parameter Minimum Maximum",
      "Moisture - 14.5 %",
      "Protein 12.5 % -",
      "Test weight 76 kg/hl -",
      "Falling number 250 s 400 s",
    ]) {
      expect(page).toContain(line);
    }
    expect(page.indexOf("Quality specifications")).toBeLessThan(page.indexOf("Quality parameters"));
    expect(documentHashOf(bytes)).not.toBe(HASH_BEFORE_DELIVERY_TERMS.formatted);
  });

  it("writes a tolerance at the buyer's option that flags loads beyond it, and ±0 % when only parameters are agreed", async () => {
    const flagged = aContract({
      terms: { ...wheatTerms, tolerance: { percent: "2.5", option: "buyer", beyond: "flag" } },
    });
    expect(await flatTextOf(await renderContractDocument(flagged))).toContain(
      "±2.5 % (buyer's option), beyond tolerance accepted and flagged; accepted quantity 975 t to 1,025 t",
    );
    const exact = aContract({
      terms: { ...wheatTerms, tolerance: { percent: "0", option: "seller", beyond: "refuse" } },
    });
    const text = await flatTextOf(await renderContractDocument(exact));
    expect(text).toContain("±0 %: exactly 1,000 t");
    expect(text).toContain("Falling number");
  });

  it("rounds the tolerance's bounds inwards to the volume's three decimals", async () => {
    const contract = aContract({ terms: { ...wheatTerms, volume: "100.001", total: "24550.25" } });
    expect(await flatTextOf(await renderContractDocument(contract))).toContain(
      "accepted quantity 95.001 t to 105.001 t",
    );
  });

  it("changes bytes and hash when only a quality parameter's limit differs", async () => {
    const original = await renderContractDocument(aContract({ terms: wheatTerms }));
    const [moisture, ...others] = wheatTerms.qualityParameters;
    const drier = aContract({ terms: { ...wheatTerms, qualityParameters: [{ ...moisture, max: "14" }, ...others] } });
    expect(documentHashOf(await renderContractDocument(drier))).not.toBe(documentHashOf(original));
    expect((await renderContractDocument(aContract({ terms: wheatTerms }))).equals(original)).toBe(true);
  });

  it("flows twenty parameters with long specifications onto further pages, every row kept whole", async () => {
    const qualityParameters = Array.from({ length: 20 }, (_, index) => ({
      name: `Parameter ${index + 1} measured at the intake`,
      unit: "mg/kg" as const,
      min: null,
      max: String(100 + index),
    }));
    const contract = aContract({ lot: { qualitySpecs: longSpecs() }, terms: { ...wheatTerms, qualityParameters } });

    const pages = await readPdfText(await renderContractDocument(contract));
    const text = pages.join("\n").replace(/\s+/g, " ");

    expect(pages.length).toBeGreaterThan(1);
    for (const [index, parameter] of qualityParameters.entries()) {
      expect(text).toContain(`${parameter.name} - ${100 + index} mg/kg`);
    }
    pages.forEach((page, index) => {
      expect(page).toContain(`CT-2026-000123 · Page ${index + 1} of ${pages.length}`);
    });
  });

  it("flows long quality specifications onto further pages, each parsed by pdf.js and numbered in its footer", async () => {
    const sentence =
      "Sound, sweet, free from foreign odours and live insects; sampled at loading by an agreed surveyor. ";
    const contract = aContract({ lot: { qualitySpecs: sentence.repeat(60).slice(0, 6000) } });
    expect(sentence.repeat(60).slice(0, 6000)).toBe(longSpecs());

    const pages = await readPdfText(await renderContractDocument(contract));

    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((text, index) => {
      expect(text).toContain(`CT-2026-000123 · Page ${index + 1} of ${pages.length}`);
    });
  });
});
