import { bidSubmissionSchema } from "@lotbridge/contract/bid-submission";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as contractsCsv } from "@/app/(portal)/contracts.csv/route";
import { GET as lotBidsCsv } from "@/app/(portal)/lots/[id]/bids.csv/route";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { counterBid } from "@/domain/bids/counter-bid";
import { decideBid } from "@/domain/bids/decide-bid";
import { submitBid } from "@/domain/bids/submit-bid";
import { contracts } from "@/domain/contracts/contract-table";
import { issueApiKey } from "@/integration/issue-api-key";
import { portal } from "@/server/portal";
import { bidInput, publishedLot } from "@/test/bids";
import { buyerOrganization, PASSWORD, PUBLIC_URL } from "@/test/lots";

const BASE = "http://localhost:3000";
const change = { publicUrl: PUBLIC_URL };
let mill: Awaited<ReturnType<typeof buyerOrganization>>;
let millCookie: string;
let neighbourCookie: string;
let platform: { apiKeyId: string; platform: string };

/** RFC 4180 back into rows, to check what a spreadsheet would read. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted) {
      if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === "," || (c === "\r" && text[i + 1] === "\n")) {
      row.push(field);
      field = "";
      if (c === "\r") {
        rows.push(row);
        row = [];
        i++;
      }
    } else {
      field += c;
    }
  }
  return rows;
}

const records = (text: string) => {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])));
};

beforeAll(async () => {
  const { db } = portal();
  mill = await buyerOrganization("Export Mill");
  const neighbour = await buyerOrganization("Neighbour Mill");
  // A plain member may export; the neighbour's admin may not see the mill's.
  millCookie = await signIn(auth, BASE, `member@${mill.slug}.example`, PASSWORD);
  neighbourCookie = await signIn(auth, BASE, `admin@${neighbour.slug}.example`, PASSWORD);
  const issued = await issueApiKey(db, { name: "bids", platform: "producer-portal", scopes: ["bids:write"] });
  platform = { apiKeyId: issued.id, platform: "producer-portal" };
});

const place = (lotId: string, organizationId: string, terms: Record<string, unknown>) =>
  submitBid(portal().db, platform, bidSubmissionSchema.parse(bidInput(lotId, organizationId, terms)), change);

describe("CSV exports", () => {
  it("a lot's bids: exact decimals, RFC 4180 quoting, formulas defused, the latest round; a neighbour gets 404", async () => {
    const { db } = portal();
    const lot = await publishedLot(mill, { volume: "1000" });
    const plain = await place(lot.id, "porg_plain", { volume: "120.5", pricePerUnit: "238.1250" });
    const tricky = await place(lot.id, "porg_tricky", {
      bidder: {
        organizationId: "porg_tricky",
        organizationName: 'Hof "Sonne", GbR',
        name: "Jo",
        email: "jo@hof.example",
      },
      message: '=HYPERLINK("http://evil.example","Click")',
      deliveryTerms: "line one\nline two",
      volume: "50",
      pricePerUnit: "240",
    });
    await counterBid(
      db,
      mill.organizationId,
      plain.id,
      {
        volume: "100",
        pricePerUnit: "236.00",
        deliveryTerms: "",
        message: "",
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
      change,
    );

    const response = await call(lotBidsCsv, `${BASE}/lots/${lot.id}/bids.csv`, {
      cookie: millCookie,
      params: { id: lot.id },
    });

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${lot.number}-bids.csv"`);
    const text = await response.text();
    expect(text.split("\r\n")[0]).toMatch(/^bid_id,lot_number,status,producer_organization,/);
    const rows = records(text);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      bid_id: plain.id,
      lot_number: lot.number,
      status: "countered",
      volume: "120.500",
      unit: "t",
      price_per_unit: "238.1250",
      currency: "EUR",
      total: "28694.06",
      latest_offer_round: "2",
      latest_offer_from: "buyer",
      latest_offer_status: "pending",
      latest_offer_volume: "100.000",
      latest_offer_price_per_unit: "236.0000",
    });
    expect(rows[0].valid_until).toBe(plain.validUntil);
    expect(rows[1]).toMatchObject({
      bid_id: tricky.id,
      producer_organization: 'Hof "Sonne", GbR',
      message: `'=HYPERLINK("http://evil.example","Click")`,
      delivery_terms: "line one\nline two",
      price_per_unit: "240.0000",
      total: "12000.00",
      latest_offer_round: "1",
      latest_offer_from: "producer",
    });

    const neighbours = await call(lotBidsCsv, `${BASE}/lots/${lot.id}/bids.csv`, {
      cookie: neighbourCookie,
      params: { id: lot.id },
    });
    expect(neighbours.status).toBe(404);
    expect(neighbours.headers.get("content-type")).toContain("application/problem+json");
    expect(await neighbours.text()).not.toContain(plain.id);
    const anonymous = await call(lotBidsCsv, `${BASE}/lots/${lot.id}/bids.csv`, { params: { id: lot.id } });
    expect(anonymous.status).toBe(401);
  });

  it("contracts: the organization's own with exact terms and signature times; a neighbour's export is empty", async () => {
    const { db } = portal();
    const lot = await publishedLot(mill, { volume: "200" });
    const bid = await place(lot.id, "porg_contract", { volume: "200", pricePerUnit: "231.125" });
    await decideBid(db, mill.organizationId, bid.id, { action: "accept" }, change);
    const [contract] = await db.select().from(contracts).where(eq(contracts.bidId, bid.id));

    const response = await call(contractsCsv, `${BASE}/contracts.csv`, { cookie: millCookie });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="contracts-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const rows = records(await response.text());
    expect(rows).toEqual([
      expect.objectContaining({
        contract_number: contract.number,
        status: "pending_signature",
        lot_number: lot.number,
        producer: "Farm porg_contract",
        volume: "200.000",
        price_per_unit: "231.1250",
        total: "46225.00",
        currency: "EUR",
        buyer_signed_at: "",
        producer_signed_at: "",
      }),
    ]);

    const neighbours = await call(contractsCsv, `${BASE}/contracts.csv`, { cookie: neighbourCookie });
    expect(neighbours.status).toBe(200);
    expect(parseCsv(await neighbours.text())).toHaveLength(1); // the header row alone
  });
});
