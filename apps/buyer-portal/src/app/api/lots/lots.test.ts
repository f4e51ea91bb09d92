import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { lots } from "@/domain/lots/lot-table";
import { integrationEvents } from "@/integration/integration-tables";
import { portal } from "@/server/portal";
import { lotInput } from "@/test/lots";
import { POST as auth } from "../auth/[...all]/route";
import { POST as cancelLot } from "./[id]/cancel/route";
import { POST as closeLot } from "./[id]/close/route";
import { POST as publishLot } from "./[id]/publish/route";
import { DELETE as deleteLot, PUT as editLot, GET as getLot } from "./[id]/route";
import { POST as createLot, GET as listLots } from "./route";

const BASE = "http://localhost:3000";
const PASSWORD = "correct-horse-battery";
let millA: string;
let millB: string;

const validLot = () => lotInput();

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
    ["description", { description: "x".repeat(10_000_000) }],
    ["unit", { unit: "barrels" }],
    ["incoterm", { incoterm: "FOB Hamburg" }],
    ["partialBidsAllowed", { partialBidsAllowed: "yes" }],
    ["targetPrice", { targetPrice: "-1" }],
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

  it("a page on another origin cannot create or publish a lot with the buyer's session: 403 and nothing stored", async () => {
    const draft = await (await call(createLot, `${BASE}/api/lots`, { cookie: millA, body: validLot() })).json();
    const before = await portal().db.$count(lots);
    const foreign = { cookie: millA, origin: "http://localhost:4000" };
    const asText = { ...foreign, headers: { "content-type": "text/plain;application/json" } };
    for (const options of [foreign, asText, { ...foreign, origin: null, headers: { "sec-fetch-site": "same-site" } }]) {
      const created = await call(createLot, `${BASE}/api/lots`, { ...options, body: validLot() });
      expect(created.status).toBe(403);
      expect((await created.json()).type).toBe("urn:lotbridge:problem:cross-origin-request");
    }
    const published = await call(publishLot, `${BASE}/api/lots/${draft.id}/publish`, {
      ...foreign,
      method: "POST",
      params: { id: draft.id },
    });
    expect(published.status).toBe(403);
    expect(await portal().db.$count(lots)).toBe(before);
    expect(await stored(draft.id)).toMatchObject({ status: "draft", events: 0 });
  });

  it("refuses a body that only mentions JSON in its Content-Type with 415 naming it, and stores nothing", async () => {
    const before = await portal().db.$count(lots);
    const response = await call(createLot, `${BASE}/api/lots`, {
      cookie: millA,
      body: validLot(),
      headers: { "content-type": "text/plain;application/json" },
    });
    expect(response.status).toBe(415);
    expect((await response.json()).detail).toContain('"text/plain;application/json"');
    expect(await portal().db.$count(lots)).toBe(before);
  });
});

async function createDraft(cookie = millA, change: Record<string, unknown> = {}) {
  const response = await call(createLot, `${BASE}/api/lots`, { cookie, body: { ...validLot(), ...change } });
  expect(response.status).toBe(201);
  return response.json();
}

const act = (handler: typeof publishLot, id: string, cookie = millA, method = "POST") =>
  call(handler, `${BASE}/api/lots/${id}`, { cookie, method, params: { id } });

async function stored(id: string) {
  const { db } = portal();
  const [row] = await db.select().from(lots).where(eq(lots.id, id));
  const events = (await db.select().from(integrationEvents)).filter(
    (e) => (e.envelope as { data: { id?: string } }).data.id === id,
  );
  return { status: row?.status, version: row?.version, title: row?.title, events: events.length };
}

describe("editing through the API", () => {
  it("replaces the terms and answers the new version as ETag; an If-Match of an older version is refused", async () => {
    const lot = await createDraft();
    const edited = await call(editLot, `${BASE}/api/lots/${lot.id}`, {
      cookie: millA,
      method: "PUT",
      headers: { "if-match": '"1"' },
      body: { ...validLot(), title: "Milling wheat, 13 % protein", volume: "750" },
      params: { id: lot.id },
    });
    expect(edited.status).toBe(200);
    expect(edited.headers.get("etag")).toBe('"2"');
    expect(await edited.json()).toMatchObject({ title: "Milling wheat, 13 % protein", volume: "750.000", version: 2 });
    const stale = await call(editLot, `${BASE}/api/lots/${lot.id}`, {
      cookie: millA,
      method: "PUT",
      headers: { "if-match": '"1"' },
      body: { ...validLot(), title: "Overwrite" },
      params: { id: lot.id },
    });
    expect(stale.status).toBe(409);
    expect((await stale.json()).type).toBe("urn:lotbridge:problem:lot-changed");
    expect(await stored(lot.id)).toMatchObject({ title: "Milling wheat, 13 % protein", version: 2 });
  });

  it.each([
    ["volume", { volume: "-5" }],
    ["currency", { currency: "XYZ" }],
    ["biddingDeadline", { biddingDeadline: "2020-01-01T00:00:00Z" }],
    ["description", { description: "x".repeat(10_000_000) }],
  ])("refuses a bad %s with 422 naming the field and changes nothing", async (field, change) => {
    const lot = await createDraft();
    const response = await call(editLot, `${BASE}/api/lots/${lot.id}`, {
      cookie: millA,
      method: "PUT",
      body: { ...validLot(), ...change },
      params: { id: lot.id },
    });
    expect(response.status).toBe(422);
    expect((await response.json()).errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await stored(lot.id)).toMatchObject({ title: lot.title, version: 1 });
  });
});

describe("the lot's life through the API", () => {
  it("publishes, refuses a second publish and a delete with a problem saying why, then cancels", async () => {
    const lot = await createDraft();
    const published = await act(publishLot, lot.id);
    expect(published.status).toBe(200);
    expect(await published.json()).toMatchObject({ status: "published", version: 2 });

    const again = await act(publishLot, lot.id);
    expect(again.status).toBe(409);
    expect(again.headers.get("content-type")).toBe("application/problem+json");
    expect(await again.json()).toMatchObject({
      type: "urn:lotbridge:problem:lot-not-draft",
      detail: `${lot.number} is published; only a draft can be published.`,
    });
    const remove = await act(deleteLot, lot.id, millA, "DELETE");
    expect(remove.status).toBe(409);
    expect((await remove.json()).detail).toContain("Cancel it instead");

    expect((await act(closeLot, lot.id)).status).toBe(200);
    const cancelled = await act(cancelLot, lot.id);
    expect(await cancelled.json()).toMatchObject({ status: "cancelled", version: 4 });
    expect(await stored(lot.id)).toMatchObject({ status: "cancelled", events: 3 });
  });

  it("refuses to publish a draft whose deadline passed since it was saved, naming the field", async () => {
    const lot = await createDraft();
    await portal()
      .db.update(lots)
      .set({ biddingDeadline: new Date(Date.now() - 60_000) })
      .where(eq(lots.id, lot.id));
    const response = await act(publishLot, lot.id);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      type: "urn:lotbridge:problem:deadline-passed",
      errors: [{ field: "biddingDeadline", message: "must be in the future" }],
    });
    expect(await stored(lot.id)).toMatchObject({ status: "draft", version: 1, events: 0 });
  });

  it("deletes a draft with 204", async () => {
    const lot = await createDraft();
    expect((await act(deleteLot, lot.id, millA, "DELETE")).status).toBe(204);
    expect((await act(getLot, lot.id, millA, "GET")).status).toBe(404);
  });

  it("lists the organization's lots by status", async () => {
    const draft = await createDraft();
    const published = await createDraft();
    await act(publishLot, published.id);
    const ids = async (query: string) =>
      (await (await call(listLots, `${BASE}/api/lots${query}`, { cookie: millA })).json()).data.map(
        (l: { id: string; status: string }) => [l.id, l.status],
      );
    const onlyPublished = await ids("?status=published");
    expect(onlyPublished).toContainEqual([published.id, "published"]);
    expect(onlyPublished.every(([, status]: string[]) => status === "published")).toBe(true);
    expect(await ids("?status=draft")).toContainEqual([draft.id, "draft"]);
    const bad = await call(listLots, `${BASE}/api/lots?status=open`, { cookie: millA });
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors[0].field).toBe("status");
  });
});

describe("another buyer organization", () => {
  it("can neither see nor change a draft or a published lot: every call answers 404 and nothing changes", async () => {
    const draft = await createDraft();
    const published = await createDraft();
    await act(publishLot, published.id);
    for (const lot of [draft, published]) {
      const before = await stored(lot.id);
      expect((await act(getLot, lot.id, millB, "GET")).status).toBe(404);
      const edit = await call(editLot, `${BASE}/api/lots/${lot.id}`, {
        cookie: millB,
        method: "PUT",
        body: { ...validLot(), title: "Taken over" },
        params: { id: lot.id },
      });
      expect(edit.status).toBe(404);
      for (const handler of [publishLot, closeLot, cancelLot])
        expect((await act(handler, lot.id, millB)).status).toBe(404);
      expect((await act(deleteLot, lot.id, millB, "DELETE")).status).toBe(404);
      expect(await stored(lot.id)).toEqual(before);
    }
    const listB = await (await call(listLots, `${BASE}/api/lots`, { cookie: millB })).json();
    expect(listB.data.map((l: { id: string }) => l.id)).not.toContain(draft.id);
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
