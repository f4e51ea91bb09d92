import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as bidsCsv } from "@/app/(portal)/bids.csv/route";
import { GET as contractsCsv } from "@/app/(portal)/contracts.csv/route";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { handleBuyerEvent } from "@/integration/handle-buyer-event";
import { portal } from "@/server/portal";
import { lotSnapshot } from "@/test/buyer-events";
import { buyerEvent, contractSnapshot, holdBid, holdBidOfContract, signatureOf } from "@/test/negotiation-snapshots";

const BASE = "http://localhost:3001";
const PASSWORD = "correct-horse-battery";
let greenacre: string;
let hillside: string;
let greenacreId: string;
let hillsideId: string;

/** RFC 4180 back into records, to check what a spreadsheet would read. */
function records(text: string): Record<string, string>[] {
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
    } else if (c === '"') quoted = true;
    else if (c === "," || (c === "\r" && text[i + 1] === "\n")) {
      row.push(field);
      field = "";
      if (c === "\r") {
        rows.push(row);
        row = [];
        i++;
      }
    } else field += c;
  }
  const [header, ...data] = rows;
  return data.map((r) => Object.fromEntries(header.map((name, i) => [name, r[i]])));
}

beforeAll(async () => {
  const { db } = portal();
  ({ organizationId: greenacreId } = await createOrganizationWithUsers(db, { name: "Greenacre", slug: "greenacre" }, [
    { name: "Lena", email: "lena@greenacre.example", password: PASSWORD, role: "member" },
  ]));
  ({ organizationId: hillsideId } = await createOrganizationWithUsers(db, { name: "Hillside", slug: "hillside" }, [
    { name: "Hanna", email: "hanna@hillside.example", password: PASSWORD, role: "admin" },
  ]));
  greenacre = await signIn(auth, BASE, "lena@greenacre.example", PASSWORD);
  hillside = await signIn(auth, BASE, "hanna@hillside.example", PASSWORD);
});

describe("CSV exports", () => {
  it("the organization's contracts: exact decimals, signatures, formulas defused; the neighbour gets only its own", async () => {
    const contract = contractSnapshot(greenacreId, {
      signatures: [signatureOf("buyer")],
      lot: { ...contractSnapshot(greenacreId).lot, title: '=HYPERLINK("http://evil.example"), "quoted"' },
    });
    contract.terms = { ...contract.terms, volume: "1234.567", pricePerUnit: "236.1250", total: "291512.64" };
    await holdBidOfContract(contract);
    await portal().db.transaction((tx) =>
      handleBuyerEvent(tx, buyerEvent("contract.created", contract), { publicUrl: BASE }),
    );
    await holdBidOfContract(contractSnapshot(hillsideId, { id: "ct_hillsideonly01" }));

    const response = await call(contractsCsv, `${BASE}/contracts.csv`, { cookie: greenacre });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="contracts-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const text = await response.text();
    expect(text.endsWith("\r\n")).toBe(true);
    expect(records(text)).toEqual([
      expect.objectContaining({
        contract_number: contract.number,
        status: "pending_signature",
        lot_title: `'=HYPERLINK("http://evil.example"), "quoted"`,
        volume: "1234.567",
        price_per_unit: "236.1250",
        total: "291512.64",
        buyer_signed_at: signatureOf("buyer").signedAt,
        producer_signed_at: "",
      }),
    ]);

    const theirs = records(await (await call(contractsCsv, `${BASE}/contracts.csv`, { cookie: hillside })).text());
    expect(theirs).toEqual([]);
    expect((await call(contractsCsv, `${BASE}/contracts.csv`)).status).toBe(401);
  });

  it("the organization's bids with their latest round; the neighbour sees none of them", async () => {
    const lot = lotSnapshot();
    await holdBid("pbid_export_submitted", greenacreId, lot, "submitted", {
      volume: "120.500",
      pricePerUnit: "238.1250",
      message: "+31 6 1234 5678, call first",
    });
    await holdBid("pbid_export_countered", greenacreId, lot, "countered");
    await holdBid("pbid_export_hillside", hillsideId, lot, "submitted");

    const response = await call(bidsCsv, `${BASE}/bids.csv`, { cookie: greenacre });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    // The accepted bid behind the contract above is the organization's too.
    const all = records(await response.text());
    expect(all.map((r) => r.state).sort()).toEqual(["accepted", "countered", "submitted"]);
    const rows = all.filter((r) => r.lot_number === lot.number);
    const submitted = rows.find((r) => r.state === "submitted");
    expect(submitted).toMatchObject({
      volume: "120.500",
      price_per_unit: "238.1250",
      message: "'+31 6 1234 5678, call first",
      latest_offer_from: "",
    });
    expect(rows.find((r) => r.state === "countered")).toMatchObject({
      latest_offer_from: "buyer",
      latest_offer_volume: "80.000",
      latest_offer_price_per_unit: "236.0000",
      latest_offer_status: "pending",
    });
    const theirs = records(await (await call(bidsCsv, `${BASE}/bids.csv`, { cookie: hillside })).text());
    // Hillside's own: the bid on this lot and the accepted one behind its contract; none of Greenacre's.
    expect(theirs.map((r) => r.state).sort()).toEqual(["accepted", "submitted"]);
    expect(theirs.filter((r) => r.lot_number === lot.number)).toEqual([
      expect.objectContaining({ state: "submitted", volume: "100.000", message: "" }),
    ]);
  });
});
