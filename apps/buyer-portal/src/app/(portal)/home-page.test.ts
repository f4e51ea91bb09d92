import { bidSubmissionSchema } from "@lotbridge/contract/bid-submission";
import { ticketInputSchema } from "@lotbridge/contract/delivery";
import { documentHashOf, renderContractDocument } from "@lotbridge/documents/contract-document";
import { signIn } from "@lotbridge/http/testing/test-client";
import { eq } from "drizzle-orm";
import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import HomePage from "@/app/(portal)/page";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { decideBid } from "@/domain/bids/decide-bid";
import { submitBid } from "@/domain/bids/submit-bid";
import { contracts } from "@/domain/contracts/contract-table";
import { findContract } from "@/domain/contracts/find-contract";
import { signContract } from "@/domain/contracts/sign-contract";
import { flagOverdueContracts } from "@/domain/deliveries/flag-overdue-contracts";
import { receiveDispatch } from "@/domain/deliveries/receive-dispatch";
import { recordTicket } from "@/domain/deliveries/record-ticket";
import { issueApiKey } from "@/integration/issue-api-key";
import { portal } from "@/server/portal";
import { bidInput, publishedLot } from "@/test/bids";
import { buyerOrganization, PASSWORD, PUBLIC_URL } from "@/test/lots";

// The buyer's home as the server renders it: the delivery work (loads expected, overdue contracts, contracts ready
// to confirm) beside the rest, each item a link to its contract; a neighbour organization's home shows none of it.

let pageCookie = "";
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ cookie: pageCookie }),
  cookies: async () => ({ get: (name: string) => (name === "tz" ? { value: "Europe/Berlin" } : undefined) }),
}));

const change = { publicUrl: PUBLIC_URL };
type Buyer = Awaited<ReturnType<typeof buyerOrganization>>;
let platform: { apiKeyId: string; platform: string };
let mill: Buyer;

beforeAll(async () => {
  const issued = await issueApiKey(portal().db, { name: "home", platform: "producer-portal", scopes: ["bids:write"] });
  platform = { apiKeyId: issued.id, platform: "producer-portal" };
  mill = await buyerOrganization("Home Mill");
});

/** An active contract of the mill with farm `producer` for 1,000 t of wheat at EUR 245.50, ±5 %, ending `deliveryEnd`. */
async function activeContract(producer: string, deliveryEnd: string): Promise<string> {
  const { db } = portal();
  const lot = await publishedLot(mill, {
    volume: "1000",
    minBidVolume: "1000",
    deliveryStart: "2026-01-01",
    deliveryEnd,
    tolerance: { percent: "5", option: "seller", beyond: "refuse" },
    qualityParameters: [],
  });
  const bid = await submitBid(
    db,
    platform,
    bidSubmissionSchema.parse(bidInput(lot.id, producer, { volume: "1000" })),
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

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");

async function render(cookie: string): Promise<string> {
  pageCookie = cookie;
  const page = await HomePage();
  if (!page) throw new Error("no page for this viewer");
  // The app router's context, as Next provides it around every page; nothing navigates during a render.
  const router = { back() {}, forward() {}, refresh() {}, push() {}, replace() {}, prefetch() {} };
  return renderToStaticMarkup(createElement(AppRouterContext.Provider, { value: router as never }, page));
}

describe("the buyer's home", () => {
  it("lists the loads expected, overdue contracts and contracts ready to confirm, each linking to its contract", async () => {
    const { db } = portal();
    const berlinToday = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());
    // Expected today: a truck of 1,250.5 t (grouped as people write it) on a contract whose window ended.
    const late = await activeContract("porg_home_one", "2026-01-31");
    await receiveDispatch(
      db,
      { ...platform, organizationId: "porg_home_one" },
      late,
      "pdsp_home",
      { plannedDate: berlinToday, vehicleReference: "HB-TR 12", estimatedWeight: "1250.5", note: "" },
      change,
    );
    await flagOverdueContracts(db, new Date(), change);
    // Within tolerance: 960 t accepted of 1,000 t (minimum 950 t).
    const ready = await activeContract("porg_home_two", "2099-12-31");
    await recordTicket(
      db,
      { organizationId: mill.organizationId, name: "Wim", userId: mill.userId },
      ready,
      ticketInputSchema.parse({
        ticketNumber: "W-1",
        receivedAt: new Date().toISOString(),
        grossWeight: "980",
        tareWeight: "20",
        decision: "accept",
      }),
      change,
    );

    const html = await render(await signIn(auth, PUBLIC_URL, `admin@${mill.slug}.example`, PASSWORD));
    const page = text(html);
    expect(page).toContain("1 load expected");
    expect(page).toContain("HB-TR 12 from Farm porg_home_one: about 1,250.5 t on CT-");
    expect(page).toContain("no ticket recorded yet");
    expect(page).toContain("1 contract is overdue");
    expect(page).toContain("0 t of 1,000 t accepted");
    expect(page).toContain("delivery window ended 31 Jan 2026");
    expect(page).toContain("1 contract is ready to confirm");
    expect(page).toContain("960 t of 1,000 t accepted, within the tolerance");
    expect(html.match(new RegExp(`href="/contracts/${late}"`, "g"))).toHaveLength(2);
    expect(html).toContain(`href="/contracts/${ready}"`);
    expect(page).not.toContain("Nothing waits for you");

    // A neighbour organization's member: none of it.
    const neighbour = await buyerOrganization("Quiet Home Mill");
    const theirs = text(await render(await signIn(auth, PUBLIC_URL, `admin@${neighbour.slug}.example`, PASSWORD)));
    expect(theirs).toContain("Nothing waits for you");
    expect(theirs).not.toMatch(/expected|overdue|ready to confirm/);
  });
});
