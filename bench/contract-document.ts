/**
 * How long rendering and hashing a contract PDF takes — done when a party signs (the buyer portal checks the hash)
 * and on every download — for a one-page contract and for one whose quality specifications run to several pages.
 *
 *   npx tsx bench/contract-document.ts            # ROUNDS=200 by default
 */
import { type Contract, contractSchema } from "@lotbridge/contract/contract";
import { documentHashOf, renderContractDocument } from "@lotbridge/documents/contract-document";

const ROUNDS = Number(process.env.ROUNDS ?? 200);

function contract(qualitySpecs: string): Contract {
  return contractSchema.parse({
    id: "ct_bench",
    number: "CT-2026-000001",
    status: "pending_signature",
    buyer: { organizationId: "org_buyer", name: "Northfield Mills" },
    producer: {
      organizationId: "org_farm",
      name: "Greenacre Farms",
      contactName: "Piet",
      contactEmail: "piet@x.example",
    },
    lot: { id: "lot_bench", number: "LOT-2026-000001", title: "Milling wheat", commodity: "Wheat", qualitySpecs },
    terms: {
      volume: "1000.000",
      unit: "t",
      pricePerUnit: "245.5000",
      currency: "EUR",
      total: "245500.00",
      paymentTerms: "30 days after delivery",
      incoterm: "DAP",
      deliveryLocation: "Hamburg",
      deliveryStart: "2027-09-01",
      deliveryEnd: "2027-09-30",
    },
    lotId: "lot_bench",
    bidId: "bid_bench",
    offerId: "ofr_bench",
    signatures: [],
    statusHistory: [{ status: "pending_signature", at: "2026-11-27T10:00:00.000Z", reason: null }],
    cancellationReason: null,
    createdAt: "2026-11-27T10:00:00.000Z",
    updatedAt: "2026-11-27T10:00:00.000Z",
    version: 1,
  });
}

async function measure(label: string, subject: Contract) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    const pdf = await renderContractDocument(subject);
    documentHashOf(pdf);
    times.push(performance.now() - started);
    bytes = pdf.length;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const p95 = times[Math.floor(times.length * 0.95)];
  console.log(`${label}: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, ${(bytes / 1024).toFixed(0)} KiB`);
  return median;
}

await measure("warm-up", contract("Protein ≥ 12.5 %")); // the first renders load fonts and compile code paths
const short = await measure("one page", contract("Protein ≥ 12.5 %, moisture ≤ 14 %, falling number ≥ 250 s."));
const long = await measure("several pages", contract("Protein ≥ 12.5 %, moisture ≤ 14 %. ".repeat(180)));
console.log(`several pages / one page: ${(long / short).toFixed(1)}×`);
