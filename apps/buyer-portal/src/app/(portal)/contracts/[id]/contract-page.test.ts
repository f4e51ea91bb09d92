import { bidSubmissionSchema } from "@lotbridge/contract/bid-submission";
import { ticketCorrectionSchema, ticketInputSchema } from "@lotbridge/contract/delivery";
import { documentHashOf, renderContractDocument } from "@lotbridge/documents/contract-document";
import { signIn } from "@lotbridge/http/testing/test-client";
import { eq } from "drizzle-orm";
import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import ContractPage from "@/app/(portal)/contracts/[id]/page";
import ContractsPage from "@/app/(portal)/contracts/page";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { decideBid } from "@/domain/bids/decide-bid";
import { submitBid } from "@/domain/bids/submit-bid";
import { contracts } from "@/domain/contracts/contract-table";
import { findContract } from "@/domain/contracts/find-contract";
import { signContract } from "@/domain/contracts/sign-contract";
import { correctTicket } from "@/domain/deliveries/correct-ticket";
import { flagOverdueContracts } from "@/domain/deliveries/flag-overdue-contracts";
import { fulfilContract } from "@/domain/deliveries/fulfil-contract";
import { receiveDispatch } from "@/domain/deliveries/receive-dispatch";
import { recordTicket } from "@/domain/deliveries/record-ticket";
import { issueApiKey } from "@/integration/issue-api-key";
import { portal } from "@/server/portal";
import { bidInput, publishedLot } from "@/test/bids";
import { buyerOrganization, PASSWORD, PUBLIC_URL } from "@/test/lots";

// The buyer's contract page as the server renders it (and the browser hydrates it): a contract's delivery terms, its
// expected arrivals, the ticket form, the tickets with their versions, the ledger and what the buyer may do next, for
// a viewer in Berlin. The browser side of the same page is e2e/deliveries.spec.ts.

let pageCookie = "";
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ cookie: pageCookie }),
  cookies: async () => ({ get: (name: string) => (name === "tz" ? { value: "Europe/Berlin" } : undefined) }),
}));

const change = { publicUrl: PUBLIC_URL };
type Buyer = Awaited<ReturnType<typeof buyerOrganization>>;
let platform: { apiKeyId: string; platform: string };
let mill: Buyer;
let neighbour: Buyer;
let millCookie: string;
let neighbourCookie: string;

beforeAll(async () => {
  const issued = await issueApiKey(portal().db, { name: "page", platform: "producer-portal", scopes: ["bids:write"] });
  platform = { apiKeyId: issued.id, platform: "producer-portal" };
  mill = await buyerOrganization("Page Mill");
  neighbour = await buyerOrganization("Next Door Mill");
  millCookie = await signIn(auth, PUBLIC_URL, `admin@${mill.slug}.example`, PASSWORD);
  neighbourCookie = await signIn(auth, PUBLIC_URL, `admin@${neighbour.slug}.example`, PASSWORD);
});

/** An active contract of the mill with farm `producer`: 50 t of wheat at EUR 245.50, ±5 %, protein ≥ 12.5 %. */
async function activeContract(
  producer: string,
  { beyond = "refuse" as "refuse" | "flag", deliveryEnd = "2027-09-30" } = {},
): Promise<string> {
  const { db } = portal();
  const lot = await publishedLot(mill, {
    commodity: "Milling wheat",
    volume: "50",
    minBidVolume: "50",
    deliveryStart: "2027-01-01",
    deliveryEnd,
    tolerance: { percent: "5", option: "seller", beyond },
    qualityParameters: [
      { name: "Moisture", unit: "%", min: null, max: "14.5" },
      { name: "Protein", unit: "%", min: "12.5", max: null },
    ],
  });
  const bid = await submitBid(
    db,
    platform,
    bidSubmissionSchema.parse(bidInput(lot.id, producer, { volume: "50" })),
    change,
  );
  await decideBid(db, mill.organizationId, bid.id, { action: "accept" }, change);
  const [row] = await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.bidId, bid.id));
  for (const reader of [
    { party: "producer" as const, caller: { ...platform, organizationId: producer } },
    { party: "buyer" as const, organizationId: mill.organizationId },
  ]) {
    const contract = await findContract(db, reader, row.id);
    await signContract(
      db,
      { reader, name: "Signer", email: "signer@example.com" },
      row.id,
      documentHashOf(await renderContractDocument(contract)),
      change,
    );
  }
  return row.id;
}

const writer = () => ({ organizationId: mill.organizationId, name: "Wim at the weighbridge", userId: mill.userId });

const ticket = (change: Record<string, unknown>) =>
  ticketInputSchema.parse({
    receivedAt: "2027-09-03T07:40:00Z",
    measurements: [
      { name: "Moisture", value: "13.8", unit: "%" },
      { name: "Protein", value: "13.1", unit: "%" },
    ],
    decision: "accept",
    ...change,
  });

/** The page of `contractId` as `cookie`'s member sees it, rendered to HTML as the server does. */
async function render(contractId: string, cookie = millCookie): Promise<string> {
  pageCookie = cookie;
  const page: ReactElement = await ContractPage({ params: Promise.resolve({ id: contractId }) });
  // The app router's context, as Next provides it around every page; nothing navigates during a render.
  const router = { back() {}, forward() {}, refresh() {}, push() {}, replace() {}, prefetch() {} };
  return renderToStaticMarkup(createElement(AppRouterContext.Provider, { value: router as never }, page));
}

/** What a person reads: the markup's text, tags dropped, entities of the page decoded. */
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

describe("the buyer's contract page", () => {
  it("shows a contract in delivery: terms, the truck still expected, the form, tickets with versions, the ledger", async () => {
    const { db } = portal();
    const id = await activeContract("porg_page_one");
    const producer = { ...platform, organizationId: "porg_page_one" };
    const dispatch = { estimatedWeight: "25", note: "" };
    await receiveDispatch(
      db,
      producer,
      id,
      "pdsp_1",
      { ...dispatch, plannedDate: "2027-09-03", vehicleReference: "HH-LB 417" },
      change,
    );
    let contract = await receiveDispatch(
      db,
      producer,
      id,
      "pdsp_2",
      { ...dispatch, plannedDate: "2027-09-10", vehicleReference: "HH-LB 900", note: "Second truck" },
      change,
    );
    const weighed = contract.delivery.dispatches.find((d) => d.vehicleReference === "HH-LB 417");
    contract = await recordTicket(
      db,
      writer(),
      id,
      ticket({
        ticketNumber: "W-1001",
        dispatchId: weighed?.id,
        grossWeight: "39.44",
        tareWeight: "14.98",
        measurements: [{ name: "Protein", value: "11.9", unit: "%" }],
        decision: "accept_with_discount",
        discountKind: "per_unit",
        discountAmount: "6",
      }),
      change,
    );
    const [first] = contract.delivery.tickets;
    // Corrected: the tare was misread; version 1 stays in the history.
    await correctTicket(
      db,
      writer(),
      id,
      first.id,
      ticketCorrectionSchema.parse({
        receivedAt: "2027-09-03T07:40:00Z",
        dispatchId: weighed?.id,
        grossWeight: "39.44",
        tareWeight: "14.44",
        measurements: [{ name: "Protein", value: "11.9", unit: "%" }],
        decision: "accept_with_discount",
        discountKind: "per_unit",
        discountAmount: "6",
        reason: "Tare misread",
      }),
      change,
    );
    await recordTicket(
      db,
      writer(),
      id,
      ticket({
        ticketNumber: "W-1002",
        grossWeight: "30",
        tareWeight: "12.5",
        decision: "reject",
        rejectionReason: "Smells musty",
      }),
      change,
    );

    const html = await render(id);
    const page = text(html);
    expect(page).toContain("In delivery");
    expect(page).toContain("±5 % at seller's option; beyond tolerance refused");
    expect(page).toMatch(/Protein % at least 12\.5 %/);
    expect(page).toMatch(/Moisture % at most 14\.5 %/);
    // Expected arrivals: only the truck no ticket names.
    expect(html.match(/data-testid="expected-arrival"/g)).toHaveLength(1);
    expect(page).toContain("10 Sep 2027 HH-LB 900 25 t Second truck");
    expect(html).toContain('aria-label="Record ticket for HH-LB 900"');
    expect(html).not.toContain('aria-label="Record ticket for HH-LB 417"');
    // The form: one input per quality parameter with its unit and range, the received time on Berlin's clock.
    expect(page).toContain("Record a weighbridge ticket");
    expect(html).toMatch(/<label for="ticket-measurements\.1\.value">Protein \(%\)<\/label>/);
    expect(page).toContain("In spec: at least 12.5 %. Leave empty if not measured.");
    expect(page).toMatch(/Received at \(CES?T\)/);
    expect(html).toMatch(/<option value="dsp_[^"]+">HH-LB 900, planned 10 Sep 2027, about 25 t<\/option>/);
    // The tickets: the corrected one with its reason and earlier version, the out-of-spec protein, the rejection.
    expect(page).toContain("v2 corrected: Tare misread");
    expect(page).toContain("Earlier version");
    expect(page).toMatch(/v1 , recorded .* by Wim at the weighbridge/);
    expect(page).toContain("Net 24.46 t Gross 39.44 t, tare 14.98 t"); // version 1
    expect(page).toContain("Net 25 t Gross 39.44 t, tare 14.44 t"); // version 2
    expect(page).toContain("Protein 11.9 % out of spec");
    expect(page).toContain("Accepted with discount");
    expect(page).toContain("EUR 150.00 EUR 6.00 / t off the price");
    expect(page).toContain("EUR 5,987.50"); // 25 t × 245.50 − 150.00
    expect(page).toContain("Rejected Smells musty");
    expect(html).toContain('aria-label="Correct ticket W-1001"');
    // The ledger, as people write it.
    expect(page).toContain("Accepted 25 t of 50 t");
    expect(page).toContain("Tolerance 47.5 t – 52.5 t (±5 %)");
    expect(page).toContain("Remaining 25 t");
    expect(page).toContain("Rejected 17.5 t");
    expect(page).toContain("Value so far EUR 5,987.50");
    expect(page).toContain("Discounts EUR 150.00");
    expect(page).toContain("Loads 2 (1 out of spec)");
    expect(page).toContain("Within tolerance No");
    expect(html.match(/data-testid="ledger-entry"/g)?.length).toBe(contract.delivery.entries.length + 2);
    expect(page).toContain("Wim at the weighbridge (buyer)");
    // Below the minimum: close short, not fulfil; no manual completion once something was delivered.
    expect(page).toContain("Close short");
    expect(page).not.toContain("Confirm fulfilment");
    expect(page).not.toContain("Mark completed");
    expect(page).not.toContain("Download settlement statement");
    for (const pattern of RAW) expect(page).not.toMatch(pattern);
  });

  it("shows a fulfilled contract's settlement and its hash, and no more forms", async () => {
    const { db } = portal();
    const id = await activeContract("porg_page_two");
    await recordTicket(
      db,
      writer(),
      id,
      ticket({ ticketNumber: "W-1", grossWeight: "62.5", tareWeight: "14.5" }),
      change,
    );
    const fulfilled = await fulfilContract(
      db,
      { organizationId: mill.organizationId, name: "Page Mill admin" },
      id,
      "",
    );
    const hash = fulfilled.delivery.settlement?.documentHash;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);

    const html = await render(id);
    const page = text(html);
    expect(page).toContain("Fulfilled");
    expect(page).toContain("Within tolerance Yes");
    expect(html).toContain(`href="/api/contracts/${id}/settlement"`);
    expect(page).toContain(`SHA-256 ${hash}`);
    expect(page).not.toContain("Record a weighbridge ticket");
    expect(html).not.toContain('aria-label="Correct ticket');
    expect(page).not.toContain("Confirm fulfilment");
    expect(page).not.toContain("Close short");
    for (const pattern of RAW) expect(page).not.toMatch(pattern);

    // The list names the delivery status too.
    pageCookie = millCookie;
    const list = text(renderToStaticMarkup(await ContractsPage()));
    expect(list).toMatch(new RegExp(`${fulfilled.number} .* Fulfilled`));
  });

  it("flags a delivery over the tolerance (beyond: flag) and an overdue one, and offers neither ending while over", async () => {
    const { db } = portal();
    const id = await activeContract("porg_page_four", { beyond: "flag", deliveryEnd: "2027-01-31" });
    await recordTicket(db, writer(), id, ticket({ ticketNumber: "W-9", grossWeight: "70", tareWeight: "15" }), change);
    await flagOverdueContracts(db, new Date("2027-02-02T00:00:00Z"), change);

    const page = text(await render(id));
    expect(page).toContain("±5 % at seller's option; beyond tolerance accepted and flagged");
    expect(page).toContain("Over tolerance: more than 52.5 t accepted");
    expect(page).toContain("Accepted 55 t of 50 t");
    expect(page).toContain("Within tolerance No");
    expect(page).toMatch(
      /Overdue since 2 Feb 2027, 01:00 CET ?: the delivery window ended 31 Jan 2027 with 55 t of 50 t accepted\./,
    );
    expect(page).not.toContain("Confirm fulfilment");
    expect(page).not.toContain("Close short");
  });

  it("offers manual completion only while nothing was delivered, and shows another organization's contract to nobody", async () => {
    const { db } = portal();
    const id = await activeContract("porg_page_three");
    const fresh = text(await render(id));
    expect(fresh).toContain("Mark completed");
    expect(fresh).toContain("No announced load waits for a ticket.");
    expect(fresh).toContain("Close short");

    await receiveDispatch(
      db,
      { ...platform, organizationId: "porg_page_three" },
      id,
      "pdsp_3",
      { plannedDate: "2027-09-03", vehicleReference: "B-1", estimatedWeight: "20", note: "" },
      change,
    );
    expect(text(await render(id))).not.toContain("Mark completed");

    await expect(render(id, neighbourCookie)).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
  });
});
