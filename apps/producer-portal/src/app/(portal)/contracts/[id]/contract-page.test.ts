import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import type { Contract } from "@lotbridge/contract/contract";
import { documentHashOf } from "@lotbridge/documents/contract-document";
import { renderSettlement, settlementFilename } from "@lotbridge/documents/settlement-document";
import { signIn } from "@lotbridge/http/testing/test-client";
import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import ContractPage from "@/app/(portal)/contracts/[id]/page";
import ContractsPage from "@/app/(portal)/contracts/page";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { announceDispatch } from "@/domain/deliveries/announce-dispatch";
import { recordDispatchAnswer } from "@/domain/deliveries/record-dispatch-answer";
import { handleBuyerEvent } from "@/integration/handle-buyer-event";
import { portal } from "@/server/portal";
import {
  activeContractSnapshot,
  buyerEvent,
  deliveredContract,
  dispatchSnapshot,
  holdBidOfContract,
  ticketSnapshot,
} from "@/test/negotiation-snapshots";

// The producer's contract page as the server renders it, for a viewer in Berlin: the delivery terms, the form to
// announce a load, the loads announced from here, and the delivery exactly as the buyer portal's snapshot has it.

let pageCookie = "";
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ cookie: pageCookie }),
  cookies: async () => ({ get: (name: string) => (name === "tz" ? { value: "Europe/Berlin" } : undefined) }),
}));

const ORIGIN = "http://localhost:3001";
let farmId: string;
let farmCookie: string;
let neighbourCookie: string;

async function render(contractId: string, cookie = farmCookie): Promise<string> {
  pageCookie = cookie;
  const page: ReactElement = await ContractPage({ params: Promise.resolve({ id: contractId }) });
  const router = { back() {}, forward() {}, refresh() {}, push() {}, replace() {}, prefetch() {} };
  return renderToStaticMarkup(createElement(AppRouterContext.Provider, { value: router as never }, page));
}

/** What a person reads: the markup's text, tags dropped, entities decoded. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

/** What no page may show (e2e/formatting.spec.ts): raw stored decimals, ungrouped thousands, GMT dates. */
const RAW = [
  /\d\.\d{2,}0\s*(t|kg|USD|EUR|%)(?!\p{L})/u,
  /(USD|EUR)\s*\d+\.\d{2,}0(?!\d)/,
  /(?<![\d,.])(\d{4,}(\.\d+)?\s*(t|kg|USD|EUR)\b|(USD|EUR)\s*\d{4,})/,
  /GMT/,
];

async function hold(type: string, contract: Contract): Promise<Contract> {
  await portal().db.transaction((tx) => handleBuyerEvent(tx, buyerEvent(type, contract), { publicUrl: ORIGIN }));
  return contract;
}

beforeAll(async () => {
  const { db } = portal();
  ({ organizationId: farmId } = await createOrganizationWithUsers(db, { name: "Greenacre", slug: "greenacre-page" }, [
    { name: "Piet", email: "piet@greenacre-page.example", password: "correct-horse-battery", role: "member" },
  ]));
  await createOrganizationWithUsers(db, { name: "Hillside", slug: "hillside-page" }, [
    { name: "Hanna", email: "hanna@hillside-page.example", password: "correct-horse-battery", role: "member" },
  ]);
  farmCookie = await signIn(auth, ORIGIN, "piet@greenacre-page.example", "correct-horse-battery");
  neighbourCookie = await signIn(auth, ORIGIN, "hanna@hillside-page.example", "correct-horse-battery");
});

describe("the producer's contract page", () => {
  it("an active contract: its delivery terms, the form to announce a load, and the loads announced from here", async () => {
    const contract = activeContractSnapshot(farmId);
    await holdBidOfContract(contract);
    await hold("contract.updated", contract);
    const piet = {
      userId: "usr_piet",
      memberId: "mem_piet",
      organizationId: farmId,
      name: "Piet",
      email: "piet@greenacre-page.example",
      role: "member" as const,
    };
    const load = { plannedDate: "2027-09-03", vehicleReference: "HH-GA 1042", estimatedWeight: "24.5", note: "" };
    await announceDispatch(portal().db, piet, contract.id, load);
    const refused = await announceDispatch(portal().db, piet, contract.id, { ...load, vehicleReference: "HH-GA 7" });
    await portal().db.transaction((tx) =>
      recordDispatchAnswer(tx, ORIGIN, refused.callId, { delivered: false, reason: "Contract is overdue." }),
    );

    const page = text(await render(contract.id));
    expect(page).toContain("Tolerance ±5 % at seller's option; beyond tolerance refused");
    expect(page).toContain(
      "Quality parameters Moisture: at most 14.5 %; Protein: at least 12.5 %; Test weight: at least 76 kg/hl; Falling number: at least 250 s",
    );
    expect(page).toContain("Announce a load");
    expect(page).toMatch(/HH-GA 1042 3 Sep 2027 24\.5 t .* by Piet Sending/);
    expect(page).toMatch(/HH-GA 7 .* Refused Contract is overdue\./);
    expect(page).toContain("Accepted 0 t of 80 t");
    expect(page).toContain("Within the tolerance 76 t – 84 t: not yet");
    expect(page).toContain("No load announced yet.");
    for (const raw of RAW) expect(page).not.toMatch(raw);
  });

  it("a contract in delivery shows its arrivals, tickets with quality and corrections, the ledger and its history", async () => {
    const active = activeContractSnapshot(farmId);
    await holdBidOfContract(active);
    const dispatch = dispatchSnapshot({ id: "dsp_page1", vehicleReference: "HH-GA 1042", note: "Tarp on" });
    const corrected = ticketSnapshot(
      active,
      {
        number: "W-1042",
        grossWeight: "38.500",
        tareWeight: "14.320",
        dispatchId: "dsp_page1",
        measurements: [
          { name: "Moisture", value: "15.2" },
          { name: "Protein", value: "12.8" },
        ],
        decision: "accept_with_discount",
        discountKind: "per_unit",
        discountAmount: "5.00",
      },
      {
        number: "W-1042",
        grossWeight: "38.500",
        tareWeight: "14.020",
        dispatchId: "dsp_page1",
        measurements: [
          { name: "Moisture", value: "15.2" },
          { name: "Protein", value: "12.8" },
        ],
        decision: "accept_with_discount",
        discountKind: "per_unit",
        discountAmount: "5.00",
        correctionReason: "Tare re-weighed",
      },
    );
    const rejected = ticketSnapshot(active, {
      number: "W-1043",
      grossWeight: "1040",
      tareWeight: "1015",
      decision: "reject",
      rejectionReason: "Smells musty",
    });
    const inDelivery = deliveredContract(active, {
      dispatches: [{ ...dispatch, ticketIds: [corrected.id] }],
      tickets: [corrected, rejected],
      entries: [
        {
          at: "2027-09-03T09:45:00.000Z",
          kind: "received",
          by: { party: "buyer", name: "Bea Buyer" },
          dispatchId: "dsp_page1",
          ticketId: corrected.id,
          accepted: "24.180",
          value: "5585.58",
          text: "Ticket W-1042: 24.18 t accepted with a discount",
        },
      ],
      overdueSince: "2027-10-01T00:01:00.000Z",
    });
    await hold("delivery.received", inDelivery);

    const page = text(await render(active.id));
    expect(page).toMatch(/Contract CT-\S+ In delivery/);
    expect(page).toContain(
      "Deliveries are overdue: the delivery window ended 30 Sep 2027 with 55.52 t still to deliver",
    );
    expect(page).toMatch(/HH-GA 1042 3 Sep 2027 24 t Tarp on 1 Sep 2027, 10:00 CEST by Piet W-1042/);
    expect(page).toContain("W-1042 corrected (v2) Why: Tare re-weighed");
    expect(page).toContain("v1, recorded");
    expect(page).toContain("net 24.18 t (gross 38.5 t, tare 14.32 t), accepted with discount, accepted 24.18 t");
    expect(page).toContain("3 Sep 2027, 11:40 CEST net 24.48 t gross 38.5 t, tare 14.02 t");
    expect(page).toContain("Moisture 15.2 % out of spec (at most 14.5 %)");
    expect(page).toContain("Protein 12.8 % in spec (at least 12.5 %)");
    expect(page).toContain("Accepted with discount discount EUR 122.40 (EUR 5.00 / t off the price)");
    expect(page).toContain("Rejected: Smells musty");
    expect(page).toContain("Accepted 24.48 t of 80 t");
    expect(page).toContain("Rejected 25 t");
    expect(page).toContain("Value so far EUR 5,654.88");
    expect(page).toContain("Loads 2, 1 out of spec");
    expect(page).toContain(
      "Load received, Bea Buyer (buyer): Ticket W-1042: 24.18 t accepted with a discount. Accepted 24.18 t, value EUR 5,585.58.",
    );
    for (const raw of RAW) expect(page).not.toMatch(raw);

    const list = text(renderToStaticMarkup(await ContractsPage()));
    expect(list).toMatch(new RegExp(`${active.number} .* In delivery Deliveries overdue`));
  });

  it("a fulfilled contract offers the settlement statement with its hash, and says whether it is the buyer's", async () => {
    const active = activeContractSnapshot(farmId);
    await holdBidOfContract(active);
    const delivered = deliveredContract(active, {
      tickets: [ticketSnapshot(active, { number: "W-1", grossWeight: "94", tareWeight: "14" })],
    });
    const fulfilled: Contract = {
      ...delivered,
      status: "fulfilled",
      statusHistory: [
        ...delivered.statusHistory,
        { status: "fulfilled", at: "2027-09-30T12:00:00.000Z", reason: null },
      ],
      version: delivered.version + 1,
    };
    const hash = documentHashOf(await renderSettlement(fulfilled));
    const settled = (documentHash: string, version: number): Contract => ({
      ...fulfilled,
      delivery: {
        ...fulfilled.delivery,
        settlement: { issuedAt: "2027-09-30T12:00:00.000Z", documentHash, filename: settlementFilename(fulfilled) },
      },
      version,
    });
    await hold("contract.fulfilled", settled("f".repeat(64), fulfilled.version));
    const wrong = text(await render(active.id));
    expect(wrong).toContain(`This is not the buyer's document: the buyer portal recorded SHA-256 ${"f".repeat(64)}`);
    expect(wrong).not.toContain("Announce a load");

    await hold("contract.updated", settled(hash, fulfilled.version + 1));
    const html = await render(active.id);
    expect(html).toContain(`href="/api/contracts/${active.id}/settlement"`);
    const page = text(html);
    expect(page).toContain(`Download the settlement statement (PDF) SHA-256 ${hash}`);
    expect(page).toContain("Same document as the buyer's");
    expect(page).toContain("Within the tolerance 76 t – 84 t: yes");
  });

  it("another organization's contract is not found", async () => {
    const contract = activeContractSnapshot(farmId);
    await holdBidOfContract(contract);
    await hold("contract.updated", contract);
    await expect(render(contract.id, neighbourCookie)).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
  });
});
