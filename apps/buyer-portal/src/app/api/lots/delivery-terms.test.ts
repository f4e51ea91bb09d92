import { bidSubmissionSchema } from "@lotbridge/contract/bid-submission";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { decideBid } from "@/domain/bids/decide-bid";
import { submitBid } from "@/domain/bids/submit-bid";
import { contracts } from "@/domain/contracts/contract-table";
import { lots } from "@/domain/lots/lot-table";
import { issueApiKey } from "@/integration/issue-api-key";
import { portal } from "@/server/portal";
import { bidInput, publishedLot } from "@/test/bids";
import { buyerOrganization, eventsAbout, lotInput, PASSWORD, storedLot } from "@/test/lots";
import { POST as publishLot } from "./[id]/publish/route";
import { PUT as editLot, GET as getLot } from "./[id]/route";
import { POST as createLot } from "./route";

/*
 * A lot's delivery terms (docs/deliveries.md): the tolerance and the structured quality parameters. A lot that leaves
 * them out gets its commodity's usual ones; an edit that leaves them out keeps them; acceptance copies them into the
 * contract.
 */

const BASE = "http://localhost:3000/api";
type Buyer = Awaited<ReturnType<typeof buyerOrganization>>;
let mill: Buyer;
let neighbour: Buyer;
let annCookie: string;
let neighbourCookie: string;
let erpKey: string;
const platform = { apiKeyId: "", platform: "producer-portal" };

const wheatParameters = [
  { name: "Moisture", unit: "%", min: null, max: "14.5" },
  { name: "Protein", unit: "%", min: "12.5", max: null },
  { name: "Test weight", unit: "kg/hl", min: "76", max: null },
  { name: "Falling number", unit: "s", min: "250", max: null },
];
const wheatTolerance = { percent: "5.00", option: "seller", beyond: "refuse" };

const ownTerms = {
  tolerance: { percent: "2.5", option: "buyer" as const, beyond: "flag" as const },
  qualityParameters: [
    { name: "Moisture", unit: "%" as const, min: null, max: "13.8" },
    { name: "Deoxynivalenol", unit: "ppb" as const, min: null, max: "1250" },
    { name: "Hagberg", unit: "s" as const, min: "220", max: "420" },
  ],
};

beforeAll(async () => {
  mill = await buyerOrganization("Terms Mill");
  neighbour = await buyerOrganization("Terms Neighbour");
  annCookie = await signIn(auth, "http://localhost:3000", `admin@${mill.slug}.example`, PASSWORD);
  neighbourCookie = await signIn(auth, "http://localhost:3000", `admin@${neighbour.slug}.example`, PASSWORD);
  const issued = await issueApiKey(portal().db, {
    name: "ERP",
    platform: null,
    organizationId: mill.organizationId,
    scopes: ["lots:write"],
  });
  erpKey = issued.key;
  const platformKey = await issueApiKey(portal().db, {
    name: "platform",
    platform: "producer-portal",
    scopes: ["lots:read", "bids:write", "contracts:write"],
  });
  platform.apiKeyId = platformKey.id;
});

const create = (
  body: unknown,
  auth: { cookie: string } | { headers: Record<string, string> } = { cookie: annCookie },
) => call(createLot, `${BASE}/lots`, { ...auth, body });

const edit = (id: string, body: unknown, cookie = annCookie) =>
  call(editLot, `${BASE}/lots/${id}`, { cookie, method: "PUT", body, params: { id } });

const termsOf = async (id: string) => {
  const row = await storedLot(id);
  return {
    tolerance: { percent: row.tolerancePercent, option: row.toleranceOption, beyond: row.toleranceBeyond },
    qualityParameters: row.qualityParameters,
  };
};

describe("creating a lot", () => {
  it("without terms, a lot of milling wheat gets wheat's usual ones, stored and answered alike", async () => {
    const response = await create(lotInput({ title: "Milling wheat 2027", commodity: "Milling wheat" }));
    expect(response.status).toBe(201);
    const lot = await response.json();

    expect(lot.tolerance).toEqual(wheatTolerance);
    expect(lot.qualityParameters).toEqual(wheatParameters);
    expect(await termsOf(lot.id)).toEqual({ tolerance: wheatTolerance, qualityParameters: wheatParameters });
    const read = await call(getLot, `${BASE}/lots/${lot.id}`, { cookie: annCookie, params: { id: lot.id } });
    expect(await read.json()).toMatchObject({ tolerance: wheatTolerance, qualityParameters: wheatParameters });
  });

  it("without terms, a commodity with no usual terms gets ±0 % and no parameters", async () => {
    const lot = await (await create(lotInput({ commodity: "Oats" }))).json();
    const none = { tolerance: { percent: "0.00", option: "seller", beyond: "refuse" }, qualityParameters: [] };
    expect({ tolerance: lot.tolerance, qualityParameters: lot.qualityParameters }).toEqual(none);
    expect(await termsOf(lot.id)).toEqual(none);
  });

  it("with terms, stores them as given, whatever the commodity's usual ones", async () => {
    const response = await create(lotInput({ commodity: "Wheat", ...ownTerms }));
    expect(response.status).toBe(201);
    const lot = await response.json();
    const expected = {
      tolerance: { ...ownTerms.tolerance, percent: "2.50" },
      qualityParameters: ownTerms.qualityParameters,
    };

    expect({ tolerance: lot.tolerance, qualityParameters: lot.qualityParameters }).toEqual(expected);
    expect(await termsOf(lot.id)).toEqual(expected);
  });

  it("with an empty list of parameters, stores none rather than the usual ones", async () => {
    const lot = await (await create(lotInput({ commodity: "Wheat", qualityParameters: [] }))).json();
    expect(lot.qualityParameters).toEqual([]);
    expect(lot.tolerance).toEqual(wheatTolerance);
    expect((await storedLot(lot.id)).qualityParameters).toEqual([]);
  });

  it("through the organization's key: the usual terms when left out, the key's when sent", async () => {
    const key = { headers: { "x-api-key": erpKey } };
    const usual = await create(lotInput({ commodity: "Feed barley" }), key);
    expect(usual.status).toBe(201);
    const barley = await usual.json();
    expect(barley.qualityParameters.map((p: { name: string }) => p.name)).toEqual([
      "Moisture",
      "Test weight",
      "Admixture",
    ]);
    expect((await termsOf(barley.id)).tolerance).toEqual(wheatTolerance);

    const own = await (await create(lotInput({ commodity: "Feed barley", ...ownTerms }), key)).json();
    expect((await termsOf(own.id)).qualityParameters).toEqual(ownTerms.qualityParameters);
  });

  const moisture = { name: "Moisture", unit: "%", min: null, max: "14.5" };
  it.each([
    ["tolerance.percent", { tolerance: { ...ownTerms.tolerance, percent: "25" } }],
    ["tolerance.percent", { tolerance: { ...ownTerms.tolerance, percent: 5 } }],
    ["tolerance.option", { tolerance: { ...ownTerms.tolerance, option: "either" } }],
    ["tolerance.beyond", { tolerance: { ...ownTerms.tolerance, beyond: "accept" } }],
    ["tolerance", { tolerance: "5 %" }],
    ["qualityParameters.0.min", { qualityParameters: [{ ...moisture, min: "15" }] }],
    ["qualityParameters.1.name", { qualityParameters: [moisture, { ...moisture, name: "MOISTURE" }] }],
    ["qualityParameters.0.unit", { qualityParameters: [{ ...moisture, unit: "percent" }] }],
    ["qualityParameters.0.max", { qualityParameters: [{ ...moisture, max: null }] }],
    ["qualityParameters.0.max", { qualityParameters: [{ ...moisture, max: 14.5 }] }],
    [
      "qualityParameters",
      { qualityParameters: Array.from({ length: 21 }, (_, i) => ({ ...moisture, name: `Parameter ${i}` })) },
    ],
  ])("refuses bad terms with 422 naming %s, and stores nothing", async (field, change) => {
    const before = await portal().db.$count(lots);
    const response = await create({ ...lotInput(), ...change });

    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = await response.json();
    expect(problem.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    expect(problem.detail).toContain(field);
    expect(await portal().db.$count(lots)).toBe(before);
  });
});

describe("editing a lot", () => {
  it("without terms keeps the lot's, even when the commodity changes", async () => {
    const lot = await (await create(lotInput({ commodity: "Wheat", ...ownTerms }))).json();
    const response = await edit(lot.id, lotInput({ commodity: "Maize", title: "Now maize" }));

    expect(response.status).toBe(200);
    const edited = await response.json();
    expect(edited).toMatchObject({ title: "Now maize", version: 2 });
    expect(edited.qualityParameters).toEqual(ownTerms.qualityParameters);
    expect(edited.tolerance).toEqual({ ...ownTerms.tolerance, percent: "2.50" });
    expect((await termsOf(lot.id)).qualityParameters).toEqual(ownTerms.qualityParameters);
  });

  it("with terms replaces them, and a published lot tells producers with its new snapshot", async () => {
    const lot = await publishedLot(mill);
    const tolerance = { percent: "10", option: "buyer" as const, beyond: "flag" as const };
    const qualityParameters = [{ name: "Protein", unit: "%" as const, min: "13", max: null }];
    const response = await edit(lot.id, lotInput({ tolerance, qualityParameters }));

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ tolerance: { ...tolerance, percent: "10.00" }, qualityParameters });
    expect(await termsOf(lot.id)).toEqual({ tolerance: { ...tolerance, percent: "10.00" }, qualityParameters });
    expect(await eventsAbout(lot.id)).toEqual([
      ["lot.published", 2],
      ["lot.updated", 3],
    ]);
  });

  it("refuses bad terms naming the field, and changes nothing", async () => {
    const lot = await (await create(lotInput())).json();
    const before = await storedLot(lot.id);
    const bad = lotInput({
      title: "Changed",
      qualityParameters: [{ name: "Moisture", unit: "%", min: "15", max: "14" }],
    });
    const response = await edit(lot.id, bad);

    expect(response.status).toBe(422);
    expect((await response.json()).errors).toEqual([
      { field: "qualityParameters.0.min", message: "must not be more than max" },
    ]);
    expect(await storedLot(lot.id)).toEqual(before);
  });

  it("another organization can neither read nor change them: 404, and the lot is as it was", async () => {
    const lot = await (await create(lotInput())).json();
    const before = await storedLot(lot.id);
    const read = await call(getLot, `${BASE}/lots/${lot.id}`, { cookie: neighbourCookie, params: { id: lot.id } });
    expect(read.status).toBe(404);
    const response = await edit(lot.id, lotInput(ownTerms), neighbourCookie);
    expect(response.status).toBe(404);
    expect(await storedLot(lot.id)).toEqual(before);
  });
});

describe("accepting a bid", () => {
  async function acceptedContract(lotId: string) {
    const db = portal().db;
    const bid = await submitBid(db, platform, bidSubmissionSchema.parse(bidInput(lotId)), {
      publicUrl: "http://localhost:3000",
    });
    await decideBid(db, mill.organizationId, bid.id, { action: "accept" }, { publicUrl: "http://localhost:3000" });
    const [row] = await db.select().from(contracts).where(eq(contracts.bidId, bid.id));
    return row;
  }

  it("copies the lot's tolerance and quality parameters into the contract", async () => {
    const lot = await publishedLot(mill, ownTerms);
    const contract = await acceptedContract(lot.id);

    expect(contract).toMatchObject({
      tolerancePercent: "2.50",
      toleranceOption: "buyer",
      toleranceBeyond: "flag",
      qualityParameters: ownTerms.qualityParameters,
    });
  });

  it("copies the terms as they are at acceptance, not as the lot had them first", async () => {
    const draft = await (await create(lotInput({ commodity: "Rapeseed" }))).json();
    const edited = await edit(
      draft.id,
      lotInput({ commodity: "Rapeseed", tolerance: { percent: "3", option: "seller", beyond: "flag" } }),
    );
    expect(edited.status).toBe(200);
    const published = await call(publishLot, `${BASE}/lots/${draft.id}/publish`, {
      cookie: annCookie,
      method: "POST",
      params: { id: draft.id },
    });
    expect(published.status).toBe(200);
    const contract = await acceptedContract(draft.id);

    expect(contract).toMatchObject({ tolerancePercent: "3.00", toleranceBeyond: "flag" });
    expect(contract.qualityParameters.map((p) => p.name)).toEqual(["Moisture", "Oil content", "Admixture"]);
  });
});
