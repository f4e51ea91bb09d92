import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { call, signIn } from "@lotbridge/http/test-client";
import { beforeAll, describe, expect, it } from "vitest";
import { lots } from "@/domain/lots/lot-table";
import { portal } from "@/server/portal";
import { POST as auth } from "../auth/[...all]/route";
import { GET as getLot } from "./[id]/route";
import { POST as createLot, GET as listLots } from "./route";

const BASE = "http://localhost:3000";
const PASSWORD = "correct-horse-battery";
let millA: string;
let millB: string;

const validLot = () => ({
  title: "Milling wheat",
  commodity: "Wheat",
  qualitySpecs: "Protein ≥ 12.5 %",
  volume: "500",
  unit: "t",
  minBidVolume: "50",
  partialBidsAllowed: true,
  targetPrice: "236.50",
  currency: "EUR",
  deliveryLocation: "Hamburg",
  incoterm: "DAP",
  deliveryStart: "2027-09-01",
  deliveryEnd: "2027-09-30",
  biddingDeadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  paymentTerms: "30 days after delivery",
});

beforeAll(async () => {
  const { db } = portal();
  await createOrganizationWithUsers(db, { name: "Mill A", slug: "mill-a" }, [
    { name: "Ann", email: "ann@a.example", password: PASSWORD, role: "admin" },
  ]);
  await createOrganizationWithUsers(db, { name: "Mill B", slug: "mill-b" }, [
    { name: "Bob", email: "bob@b.example", password: PASSWORD, role: "admin" },
  ]);
  millA = await signIn(auth, BASE, "ann@a.example", PASSWORD);
  millB = await signIn(auth, BASE, "bob@b.example", PASSWORD);
});

describe("draft lots", () => {
  it("a buyer creates a draft with a LOT number and decimal strings, and sees it in their list", async () => {
    const response = await call(createLot, `${BASE}/api/lots`, { cookie: millA, body: validLot() });
    expect(response.status).toBe(201);
    const lot = await response.json();
    expect(lot).toMatchObject({ status: "draft", volume: "500.000", targetPrice: "236.5000", currency: "EUR" });
    expect(lot.number).toMatch(/^LOT-\d{4}-\d{6}$/);
    expect(lot.id).toMatch(/^lot_/);
    const list = await (await call(listLots, `${BASE}/api/lots`, { cookie: millA })).json();
    expect(list.data.map((l: { id: string }) => l.id)).toContain(lot.id);
  });

  it("another organization can neither list nor open it", async () => {
    const lot = await (await call(createLot, `${BASE}/api/lots`, { cookie: millA, body: validLot() })).json();
    const listB = await (await call(listLots, `${BASE}/api/lots`, { cookie: millB })).json();
    expect(listB.data.map((l: { id: string }) => l.id)).not.toContain(lot.id);
    const openB = await call(getLot, `${BASE}/api/lots/${lot.id}`, { cookie: millB, params: { id: lot.id } });
    expect(openB.status).toBe(404);
    const openA = await call(getLot, `${BASE}/api/lots/${lot.id}`, { cookie: millA, params: { id: lot.id } });
    expect(openA.status).toBe(200);
  });

  it.each([
    ["volume", { volume: "-5" }],
    ["volume", { volume: 500 }],
    ["biddingDeadline", { biddingDeadline: "2020-01-01T00:00:00Z" }],
    ["currency", { currency: "XYZ" }],
    ["title", { title: "" }],
    ["description", { description: "x".repeat(6000) }],
    ["minBidVolume", { minBidVolume: "600" }],
    ["deliveryEnd", { deliveryEnd: "2027-08-01" }],
  ])("refuses a bad %s with a problem naming the field and stores nothing", async (field, change) => {
    const before = await portal().db.$count(lots);
    const response = await call(createLot, `${BASE}/api/lots`, { cookie: millA, body: { ...validLot(), ...change } });
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = await response.json();
    expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(problem.detail).toContain(field);
    expect(await portal().db.$count(lots)).toBe(before);
  });

  it("refuses a body that is not JSON, and a missing field, without storing anything", async () => {
    const before = await portal().db.$count(lots);
    const garbled = await call(createLot, `${BASE}/api/lots`, { cookie: millA, body: "{not json" });
    expect(garbled.status).toBe(400);
    const { paymentTerms: _, ...missing } = validLot();
    const incomplete = await call(createLot, `${BASE}/api/lots`, { cookie: millA, body: missing });
    expect((await incomplete.json()).errors).toContainEqual({ field: "paymentTerms", message: expect.any(String) });
    expect(await portal().db.$count(lots)).toBe(before);
  });

  it("a caller without a session can create nothing", async () => {
    const before = await portal().db.$count(lots);
    const response = await call(createLot, `${BASE}/api/lots`, { body: validLot() });
    expect(response.status).toBe(401);
    expect(await portal().db.$count(lots)).toBe(before);
  });
});

describe("organizations through the auth API", () => {
  it("a member of Mill A cannot read, join or change Mill B", async () => {
    const { db } = portal();
    const orgB = (await db.query.organization.findFirst({ where: (o, { eq }) => eq(o.slug, "mill-b") }))?.id ?? "";
    const read = await call(auth, `${BASE}/api/auth/organization/get-full-organization?organizationId=${orgB}`, {
      cookie: millA,
      method: "GET",
    });
    expect(read.status).toBeGreaterThanOrEqual(400);
    const setActive = await call(auth, `${BASE}/api/auth/organization/set-active`, {
      cookie: millA,
      body: { organizationId: orgB },
    });
    expect(setActive.status).toBeGreaterThanOrEqual(400);
    const rename = await call(auth, `${BASE}/api/auth/organization/update`, {
      cookie: millA,
      body: { organizationId: orgB, data: { name: "Taken over" } },
    });
    expect(rename.status).toBeGreaterThanOrEqual(400);
    const stillB = await db.query.organization.findFirst({ where: (o, { eq }) => eq(o.id, orgB) });
    expect(stillB?.name).toBe("Mill B");
  });
});
