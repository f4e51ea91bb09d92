import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { savedSearches } from "@/domain/saved-searches/saved-search-table";
import { portal } from "@/server/portal";
import { DELETE as remove, PATCH as rename } from "./[id]/route";
import { GET as list, POST as save } from "./route";

const ORIGIN = "http://localhost:3001";
const PASSWORD = "correct-horse-battery";
const URL_ = `${ORIGIN}/api/saved-searches`;
let piet: string;
let greta: string;
let hanna: string;

const saving = (cookie: string, body: unknown) => call(save, URL_, { cookie, body });
const listing = async (cookie: string) =>
  (await (await call(list, URL_, { cookie })).json()).data as { id: string; name: string }[];
const stored = () => portal().db.select().from(savedSearches);

beforeAll(async () => {
  const { db } = portal();
  await createOrganizationWithUsers(db, { name: "Greenacre", slug: "greenacre" }, [
    { name: "Piet", email: "piet@greenacre.example", password: PASSWORD, role: "admin" },
    { name: "Greta", email: "greta@greenacre.example", password: PASSWORD, role: "member" },
  ]);
  await createOrganizationWithUsers(db, { name: "Hillside", slug: "hillside" }, [
    { name: "Hanna", email: "hanna@hillside.example", password: PASSWORD, role: "admin" },
  ]);
  piet = await signIn(auth, ORIGIN, "piet@greenacre.example", PASSWORD);
  greta = await signIn(auth, ORIGIN, "greta@greenacre.example", PASSWORD);
  hanna = await signIn(auth, ORIGIN, "hanna@hillside.example", PASSWORD);
});

beforeEach(async () => {
  await portal().db.delete(savedSearches);
});

describe("saving a search", () => {
  it("keeps the marketplace's filters under a name, blank ones as any, and not the sort or page", async () => {
    const response = await saving(piet, {
      name: "  Barley near Hamburg ",
      q: "malting barley",
      commodity: "Barley",
      location: "",
      deliveryFrom: "2027-08-01",
      deliveryTo: "",
      minVolume: "100",
      maxVolume: "",
      sort: "newest",
      limit: "50",
    });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({
      name: "Barley near Hamburg",
      q: "malting barley",
      commodity: "Barley",
      location: null,
    });
    expect(body).not.toHaveProperty("qPatterns");
    const [row] = await stored();
    expect(row).toMatchObject({
      name: "Barley near Hamburg",
      deliveryFrom: "2027-08-01",
      deliveryTo: null,
      minVolume: "100.000",
      maxVolume: null,
      qPatterns: ["%malting%", "%barley%"],
      locationPatterns: [],
    });
  });

  it.each([
    [{ name: "", commodity: "Barley" }, "name"],
    [{ commodity: "Barley" }, "name"],
    [{ name: "Big lots", minVolume: "500", maxVolume: "100" }, "maxVolume"],
    [{ name: "Bad volume", minVolume: "12,5" }, "minVolume"],
    [{ name: "Bad date", deliveryFrom: "2027-02-30" }, "deliveryFrom"],
    [{ name: "Window", deliveryFrom: "2027-09-01", deliveryTo: "2027-08-01" }, "deliveryTo"],
    [{ name: "x".repeat(81) }, "name"],
    [{ name: "Control\u0000char" }, "name"],
  ])("refuses %j with 422 naming %s, and stores nothing", async (body, field) => {
    const response = await saving(piet, body);
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const problem = await response.json();
    expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await stored()).toHaveLength(0);
  });

  it("refuses a second search of the same name (any case) with 409 on name, and keeps the first", async () => {
    expect((await saving(piet, { name: "Barley", commodity: "Barley" })).status).toBe(201);
    const again = await saving(piet, { name: "BARLEY", q: "feed" });
    expect(again.status).toBe(409);
    expect((await again.json()).errors).toEqual([{ field: "name", message: expect.any(String) }]);
    expect((await stored()).map((row) => row.q)).toEqual([null]);
    // A colleague may use the same name: the search is theirs.
    expect((await saving(greta, { name: "Barley" })).status).toBe(201);
  });

  it("is refused without a session, and nothing is stored", async () => {
    const response = await call(save, URL_, { body: { name: "Anything" } });
    expect(response.status).toBe(401);
    expect(await stored()).toHaveLength(0);
  });
});

describe("whose searches", () => {
  it("lists only the caller's own: not a colleague's, not the neighbour farm's", async () => {
    await saving(piet, { name: "Piet's barley" });
    await saving(greta, { name: "Greta's wheat" });
    await saving(hanna, { name: "Hanna's rapeseed" });
    expect((await listing(piet)).map((s) => s.name)).toEqual(["Piet's barley"]);
    expect((await listing(greta)).map((s) => s.name)).toEqual(["Greta's wheat"]);
    expect((await listing(hanna)).map((s) => s.name)).toEqual(["Hanna's rapeseed"]);
  });

  it("renames and deletes the caller's own; another's search is 404 to them and stays as it was", async () => {
    const { id } = await (await saving(piet, { name: "Barley" })).json();
    const url = `${URL_}/${id}`;
    for (const cookie of [hanna, greta]) {
      const renamed = await call(rename, url, { method: "PATCH", cookie, params: { id }, body: { name: "Mine now" } });
      expect(renamed.status).toBe(404);
      expect((await call(remove, url, { method: "DELETE", cookie, params: { id } })).status).toBe(404);
    }
    expect((await stored()).map((row) => row.name)).toEqual(["Barley"]);

    const renamed = await call(rename, url, {
      method: "PATCH",
      cookie: piet,
      params: { id },
      body: { name: "Spring barley" },
    });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ id, name: "Spring barley" });
    const blank = await call(rename, url, { method: "PATCH", cookie: piet, params: { id }, body: { name: " " } });
    expect(blank.status).toBe(422);
    expect((await stored()).map((row) => row.name)).toEqual(["Spring barley"]);

    expect((await call(remove, url, { method: "DELETE", cookie: piet, params: { id } })).status).toBe(204);
    expect(await stored()).toHaveLength(0);
  });

  it("renaming to a name the caller already uses is 409 on name", async () => {
    await saving(piet, { name: "Barley" });
    const { id } = await (await saving(piet, { name: "Wheat" })).json();
    const response = await call(rename, `${URL_}/${id}`, {
      method: "PATCH",
      cookie: piet,
      params: { id },
      body: { name: "barley" },
    });
    expect(response.status).toBe(409);
    expect((await stored()).map((row) => row.name).sort()).toEqual(["Barley", "Wheat"]);
  });
});
